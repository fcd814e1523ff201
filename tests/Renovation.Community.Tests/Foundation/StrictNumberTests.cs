using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Foundation;

/// <summary>
/// Money is a JSON integer of fen: "100" is refused, not read as 100, with a 400 naming the field and nothing written.
/// The rule holds for every number in a request body; the same body with a number is accepted, so the string alone
/// is what was refused.
/// </summary>
public sealed class StrictNumberTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_money_field_sent_as_a_string_is_refused_naming_the_field()
    {
        var demo = await Demo.Of(api);
        var staff = await api.ClientFor("property-a");
        string Item(string price) => $$"""
            {"category":"Cleaning","title":"日常保洁","description":"两小时上门保洁","priceFen":{{price}},"unit":"次",
             "requiresSlot":false,"cancellationPolicy":"FullRefund","communityIds":["{{demo.CommunityA}}"]}
            """;
        await RefusedNamingField(staff, "/api/v1/service-items", Item("\"3000\""), "priceFen");
        await (await Send(staff, "/api/v1/service-items", Item("3000"))).ShouldBe<ServiceItemView>(HttpStatusCode.Created);

        var share = await api.WithDb(db => db.FundTopUpShares.AsNoTracking()
            .Where(s => s.CommunityId == demo.CommunityA && s.PaidFen == 0).OrderBy(s => s.Id).FirstAsync());
        var committee = await api.ClientFor("committee-a");
        var offline = $"/api/v1/fund/top-up-shares/{share.Id}/offline";
        await RefusedNamingField(committee, offline, $$"""{"amountFen":"{{share.AmountFen}}","note":"现金收讫"}""", "amountFen");
        await (await Send(committee, offline, $$"""{"amountFen":{{share.AmountFen}},"note":"现金收讫"}"""))
            .ShouldBe<OfflineTopUpView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_number_that_is_not_money_sent_as_a_string_is_refused_too()
    {
        var item = await new Services.ServicesWorld(api).NewItem();
        var staff = await api.ClientFor("property-a");
        var startsAt = api.Clock.GetUtcNow().AddDays(3);
        string Slot(string capacity) =>
            $$"""{"startsAt":"{{startsAt:O}}","endsAt":"{{startsAt.AddHours(2):O}}","capacity":{{capacity}}}""";
        var url = $"/api/v1/service-items/{item.Id}/slots";
        await RefusedNamingField(staff, url, Slot("\"2\""), "capacity");
        await (await Send(staff, url, Slot("2"))).ShouldBe<ServiceSlotView>(HttpStatusCode.Created);
    }

    private async Task RefusedNamingField(HttpClient client, string url, string json, string field)
    {
        var before = await RowCounts.Settled(api);
        var problem = await (await Send(client, url, json)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains(field, detail);
        Assert.Contains("不能是字符串", detail);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(before, await RowCounts.Of(api));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
}
