using System.Net;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Services;

/// <summary>
/// The order and item endpoints that are not under a community path: an order is reachable by its resident and its
/// company's staff only, an item's management by its company's staff only. Everyone else gets 404 and writes nothing.
/// </summary>
public sealed class ServiceAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] OrderEndpoints =
    [
        "GET /api/v1/service-orders/{o}",
        "POST /api/v1/service-orders/{o}/accept",
        "POST /api/v1/service-orders/{o}/decline",
        "POST /api/v1/service-orders/{o}/start",
        "POST /api/v1/service-orders/{o}/complete",
        "POST /api/v1/service-orders/{o}/cancel",
        "POST /api/v1/service-orders/{o}/confirm",
        "POST /api/v1/service-orders/{o}/rate",
        "POST /api/v1/service-orders/{o}/dispute",
        "POST /api/v1/service-orders/{o}/dispute/answer",
        "POST /api/v1/service-orders/{o}/complete-with-photo",
        "GET /api/v1/service-orders/{o}/completion-photo",
        "GET /api/v1/property-companies/{co}/service-income?month=2026-11",
        "GET /api/v1/property-companies/{co}/service-income?year=2026",
    ];

    private static readonly string[] ItemEndpoints =
    [
        "POST /api/v1/service-items/{i}/slots",
        "POST /api/v1/service-items/{i}/withdraw",
        "POST /api/v1/service-items/{i}/offer",
        "PUT /api/v1/service-items/{i}",
        "DELETE /api/v1/service-items/{i}/slots/{s}",
        "DELETE /api/v1/service-items/{i}/photos/{p}",
    ];

    public static TheoryData<string, string> Outsiders()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "coowner-a", "resident-b", "committee-a", "chair-a", "property-b", "street-officer" })
        {
            foreach (var endpoint in OrderEndpoints)
                data.Add(user, endpoint);
            foreach (var endpoint in ItemEndpoints)
                data.Add(user, endpoint);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Outsiders_cannot_reach_an_order_or_manage_an_item(string user, string endpoint)
    {
        var world = new ServicesWorld(api);
        var item = await world.NewItem();
        var order = await world.Order(item);
        var demo = await Demo.Of(api);
        var parts = endpoint.Split(' ');
        var request = new HttpRequestMessage(new HttpMethod(parts[0]),
            parts[1].Replace("{o}", order.Id.ToString()).Replace("{i}", item.Id.ToString()).Replace("{s}", item.Slots[0].Id.ToString())
                .Replace("{p}", Guid.NewGuid().ToString()).Replace("{co}", demo.CompanyA.ToString()));
        if (endpoint.EndsWith("/complete-with-photo"))
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Projects.Uploads.Png), "file", "done.png");
            request.Content = form;
        }
        else if (parts[0] == "PUT")
            request.Content = JsonContent(new { title = "越权", description = "越权", priceFen = 1, unit = "次", onOffer = true, version = item.Version });
        else if (parts[0] == "POST")
            request.Content = JsonContent(endpoint switch
            {
                _ when endpoint.EndsWith("/slots") => new { startsAt = api.Clock.GetUtcNow().AddDays(3), endsAt = api.Clock.GetUtcNow().AddDays(3).AddHours(1), capacity = 1 },
                _ when endpoint.EndsWith("/rate") => new { stars = 1 },
                _ when endpoint.Contains("/dispute") => new { text = "越权" },
                _ => (object)new { reason = "越权" },
            });
        var client = await api.ClientFor(user);
        var before = await RowCounts.Settled(api);
        await (await client.SendAsync(request)).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, Json.Options), System.Text.Encoding.UTF8, "application/json");
}
