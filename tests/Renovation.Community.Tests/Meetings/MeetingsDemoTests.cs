using System.Net;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.DemoData;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Meetings;

/// <summary>The demo lets a newcomer try a meeting now: one in session, and a past one whose decisions owners can read.</summary>
public sealed class MeetingsDemoTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_demo_has_a_meeting_in_session_that_a_member_can_sign_in_to_and_published_resolutions_owners_can_read()
    {
        var demo = await Demo.Of(api);
        var resident = await api.ClientFor("resident-a");
        var meetings = await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/committee-meetings"))
            .ShouldBe<Page<CommitteeMeetingView>>(HttpStatusCode.OK);
        var now = api.Clock.GetUtcNow();
        var sitting = Assert.Single(meetings.Items, m => m.Title == MeetingsDemo.InSessionTitle);
        Assert.Equal(CommitteeMeetingState.Scheduled, sitting.State);
        Assert.True(sitting.StartsAt.AddHours(-1) <= now);
        Assert.Equal(1, sitting.Present);
        Assert.False(sitting.QuorumMet);

        var member = await api.ClientFor("committee-a");
        var memberId = (await (await member.GetAsync($"/api/v1/committee-meetings/{sitting.Id}")).ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK))
            .Members!.Single(m => !m.IsChair).UserId;
        var signedIn = await (await member.PostJson($"/api/v1/committee-meetings/{sitting.Id}/attendance", new { memberUserId = memberId }))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);
        Assert.True(signedIn.QuorumMet);

        var past = Assert.Single(meetings.Items, m => m.Title == MeetingsDemo.PastTitle);
        Assert.Equal(CommitteeMeetingState.Closed, past.State);
        Assert.NotNull(past.MinutesPublishedAt);
        Assert.True(past.MinutesPublishedAt <= now);
        var resolutions = await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/resolutions"))
            .ShouldBe<Page<ResolutionView>>(HttpStatusCode.OK);
        Assert.Equal(2, resolutions.Total);
        Assert.Contains(resolutions.Items, r => r.Outcome == ItemOutcome.Passed);
        Assert.Contains(resolutions.Items, r => r.Outcome == ItemOutcome.NotPassed);
    }
}
