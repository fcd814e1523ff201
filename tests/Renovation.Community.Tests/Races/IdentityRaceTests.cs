using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Races;

/// <summary>Sign-in and bindings under N identical simultaneous requests: one effect, the others told what one at a time would tell them.</summary>
public sealed class IdentityRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Five_simultaneous_refreshes_with_one_token_rotate_it_once_and_count_as_a_replay()
    {
        using var anonymous = api.CreateClient();
        var login = await (await anonymous.PostJson("/api/v1/auth/wechat-login", new { code = "race-" + Guid.NewGuid().ToString("N") }))
            .ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        var answers = await Race.Run(Race.DefaultRacers,
            () => anonymous.PostJson("/api/v1/auth/refresh", new { refreshToken = login.Tokens.RefreshToken }));
        answers.ExactlyOne(HttpStatusCode.OK).OthersAre(HttpStatusCode.Unauthorized, "refresh_token_reused");
        // The replay revoked the family, the winner's new token included: whoever raced holds nothing that works.
        var winner = answers.Winner.As<TokenPair>();
        await (await anonymous.PostJson("/api/v1/auth/refresh", new { refreshToken = winner.RefreshToken }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await api.WithDb(db => db.RefreshTokens.CountAsync(t => t.UserId == login.UserId && t.RevokedAt == null)));
        Assert.DoesNotContain(api.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("RefreshTokens"));
    }

    [Fact]
    public async Task Five_simultaneous_binding_requests_for_one_unit_file_one()
    {
        var (client, unitId) = await NewResidentAndUnit();
        var answers = await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => client.PostJson("/api/v1/bindings", new { unitId, name = "王五", idLast4 = "123X", certificateNumber = "证" }),
            db => db.UnitBindings.CountAsync(b => b.UnitId == unitId),
            HttpStatusCode.Created, HttpStatusCode.Conflict, "binding_exists");
        // Expected refusals are not errors: nothing at error level, no SQL in the logs.
        Assert.DoesNotContain(api.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("UnitBindings"));
        Assert.NotNull(answers.Winner.As<BindingView>());
    }

    [Fact]
    public async Task Five_simultaneous_approvals_decide_once_and_tell_the_resident_once()
    {
        var (client, unitId) = await NewResidentAndUnit();
        var binding = await (await client.PostJson("/api/v1/bindings", new { unitId, name = "王五", idLast4 = "123X", certificateNumber = "证" }))
            .ShouldBe<BindingView>(HttpStatusCode.Created);
        var committee = await api.ClientFor("committee-a");
        await api.TokenFor("committee-a");
        var id = binding.Id.ToString();
        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => committee.PostJson($"/api/v1/bindings/{binding.Id}/approve", Confirmed.Mismatch),
            db => db.OutboxEvents.CountAsync(e => e.Kind == "binding.approved" && e.PayloadJson.Contains(id)),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "binding_already_decided");

        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => committee.PostAsync($"/api/v1/bindings/{binding.Id}/revoke", null),
            db => db.OutboxEvents.CountAsync(e => e.Kind == "binding.revoked" && e.PayloadJson.Contains(id)),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "binding_not_approved");
    }

    [Fact]
    public async Task Five_simultaneous_rejections_decide_once()
    {
        var (client, unitId) = await NewResidentAndUnit();
        var binding = await (await client.PostJson("/api/v1/bindings", new { unitId, name = "王五", idLast4 = "123X", certificateNumber = "证" }))
            .ShouldBe<BindingView>(HttpStatusCode.Created);
        var committee = await api.ClientFor("committee-a");
        await api.TokenFor("committee-a");
        var id = binding.Id.ToString();
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => committee.PostJson($"/api/v1/bindings/{binding.Id}/reject", new { reason = "证件不符" }),
            db => db.OutboxEvents.CountAsync(e => e.Kind == "binding.rejected" && e.PayloadJson.Contains(id)),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "binding_already_decided");
    }

    private async Task<(HttpClient Client, Guid UnitId)> NewResidentAndUnit()
    {
        var demo = await Demo.Of(api);
        var (client, _) = await api.NewWeChatUser();
        var unitId = await api.WithDb(db => db.Units
            .Where(u => u.CommunityId == demo.CommunityA && u.OwnerParty!.Kind == OwnerPartyKind.Person
                && !db.UnitBindings.Any(b => b.UnitId == u.Id))
            .OrderBy(u => u.Id).Skip(Random.Shared.Next(0, 50)).Select(u => u.Id).FirstAsync());
        return (client, unitId);
    }
}
