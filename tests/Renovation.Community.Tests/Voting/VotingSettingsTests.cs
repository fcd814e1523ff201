using System.Net;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Voting;

/// <summary>A settings request is applied or refused as a whole; nothing in it is silently ignored.</summary>
public sealed class VotingSettingsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_notice_below_the_legal_minimum_is_422_naming_the_field_and_the_minimum_and_changes_nothing()
    {
        var demo = await Demo.Of(api);
        var chair = await api.ClientFor("chair-a");
        var url = $"/api/v1/communities/{demo.CommunityA}/voting-settings";
        var before = await RowCounts.Settled(api);
        var problem = await (await chair.PutJson(url, new { lastBallotWins = true, resultPublicityDays = 7, silenceCountsAsConsent = false, minimumNoticeDays = 0 }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "below_legal_minimum");
        Assert.Equal("minimumNoticeDays", problem.GetProperty("field").GetString());
        Assert.Equal(15, problem.GetProperty("minimum").GetInt32());
        Assert.Contains("15", problem.GetProperty("detail").GetString());
        await (await chair.PutJson(url, new { lastBallotWins = true, resultPublicityDays = 7, silenceCountsAsConsent = false, minimumNoticeDays = 14 }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "below_legal_minimum");
        Assert.Equal(before, await RowCounts.Of(api));
        var settings = await (await chair.GetAsync(url)).ShouldBe<VotingSettingsView>(HttpStatusCode.OK);
        Assert.Equal((false, 15, 15), (settings.LastBallotWins, settings.MinimumNoticeDays, settings.LegalMinimumNoticeDays));
    }

    [Fact]
    public async Task An_unknown_settings_field_is_refused_not_ignored()
    {
        var demo = await Demo.Of(api);
        var chair = await api.ClientFor("chair-a");
        var before = await RowCounts.Settled(api);
        var response = await chair.PutJson($"/api/v1/communities/{demo.CommunityA}/voting-settings",
            new { lastBallotWins = true, resultPublicityDays = 7, silenceCountsAsConsent = false, quorumPercent = 50 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_longer_notice_chosen_by_the_community_binds_its_votes()
    {
        var demo = await Demo.Of(api);
        var url = $"/api/v1/communities/{demo.CommunityB}/voting-settings";
        var settings = await (await (await api.ClientFor("chair-b")).PutJson(url,
                new { lastBallotWins = false, resultPublicityDays = 7, silenceCountsAsConsent = false, minimumNoticeDays = 20 }))
            .ShouldBe<VotingSettingsView>(HttpStatusCode.OK);
        Assert.Equal(20, settings.MinimumNoticeDays);

        var committee = await api.ClientFor("committee-b");
        var now = api.Clock.GetUtcNow();
        object Vote(int days) => new { title = "通知期测试", matter = "OtherMajorMatter", kind = "Motion", secrecy = "Named",
            opensAt = now.AddDays(days), closesAt = now.AddDays(days + 7) };
        var problem = await (await committee.PostJson($"/api/v1/communities/{demo.CommunityB}/votes", Vote(16)))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_too_short");
        Assert.Contains("20", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, (await committee.PostJson($"/api/v1/communities/{demo.CommunityB}/votes", Vote(21))).StatusCode);
    }
}
