using System.Globalization;
using System.Net;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Voting;

namespace Renovation.Community.Tests.Meetings;

/// <summary>
/// Notice periods count calendar days in China time, the day of the notice not counted (Civil Code Art. 201): with N
/// days' notice the meeting (or the vote's opening) may be on the (N + 1)th day after the notice day, from 00:00. Each
/// test pins the China time of day it gives notice at, so the boundary is the same whenever the run starts.
/// </summary>
public sealed class NoticePeriodTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly MeetingsWorld _meetings = new(api);
    private readonly VotingWorld _voting = new(api);

    private static DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), China);

    private static string Named(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>Moves the clock to the next <paramref name="hour"/>:<paramref name="minute"/> China time and answers that day.</summary>
    private DateOnly NoticeAt(int hour, int minute) =>
        DateOnly.FromDateTime(api.Clock.AdvanceToNext(new TimeOnly(hour, minute)).DateTime);

    [Fact]
    public async Task A_committee_meeting_may_be_held_from_the_8th_calendar_day_after_the_notice_day_not_on_the_7th()
    {
        var c = await _meetings.Committee(3);
        var noticeDay = NoticeAt(12, 0);
        var before = await RowCounts.Of(api);
        var refused = await (await _meetings.TryConvene(c.Chair.Client, c.CommunityId, At(noticeDay.AddDays(7), 23, 59)))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_too_short");
        Assert.Contains($"不能早于 {Named(noticeDay.AddDays(8))}", refused.GetProperty("detail").GetString());
        Assert.Equal($"{noticeDay.AddDays(8):yyyy-MM-dd}T00:00:00.000+08:00", refused.GetProperty("earliestStartsAt").GetString());
        Assert.Equal(before, await RowCounts.Of(api));
        await (await _meetings.TryConvene(c.Chair.Client, c.CommunityId, At(noticeDay.AddDays(8), 0, 0)))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Notice_given_at_23_59_counts_from_the_next_day_so_now_plus_7_days_is_refused_and_one_minute_later_accepted()
    {
        var c = await _meetings.Committee(3);
        var noticeDay = NoticeAt(23, 59);
        var now = At(noticeDay, 23, 59);
        // Seven 24-hour periods end on the 7th day: the period's last day has not ended.
        await (await _meetings.TryConvene(c.Chair.Client, c.CommunityId, now.AddDays(7)))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_too_short");
        // One minute later it is the 8th day: allowed, though only 7 days and a minute after the notice.
        var meeting = await (await _meetings.TryConvene(c.Chair.Client, c.CommunityId, now.AddDays(7).AddMinutes(1)))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.Created);
        Assert.Equal(At(noticeDay.AddDays(8), 0, 0), meeting.StartsAt);
    }

    [Fact]
    public async Task Notice_given_at_00_01_still_needs_the_8th_day_though_7_days_and_23_hours_have_passed()
    {
        var c = await _meetings.Committee(3);
        var noticeDay = NoticeAt(0, 1);
        await (await _meetings.TryConvene(c.Chair.Client, c.CommunityId, At(noticeDay.AddDays(7), 23, 59)))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_too_short");
        await (await _meetings.TryConvene(c.Chair.Client, c.CommunityId, At(noticeDay.AddDays(8), 0, 0)))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_owners_assembly_may_be_held_from_the_16th_calendar_day_after_the_notice_day_not_on_the_15th()
    {
        var owners = await _voting.Community(PartySpec.Owner(10000));
        var c = await _meetings.Committee(3, owners.Id);
        var noticeDay = NoticeAt(0, 1);
        var url = $"/api/v1/communities/{owners.Id}/assemblies";
        var refused = await (await c.Chair.Client.PostJson(url, Assembly(At(noticeDay.AddDays(15), 23, 59))))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_too_short");
        Assert.Contains($"不能早于 {Named(noticeDay.AddDays(16))}", refused.GetProperty("detail").GetString());
        await (await c.Chair.Client.PostJson(url, Assembly(At(noticeDay.AddDays(16), 0, 0)))).ShouldBe<AssemblyView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_vote_may_open_from_the_16th_calendar_day_after_the_notice_day_not_on_the_15th()
    {
        var community = await _voting.Community(PartySpec.Owner(10000));
        var officer = await _voting.Officer();
        var noticeDay = NoticeAt(23, 59);
        var url = $"/api/v1/communities/{community.Id}/votes";
        var refused = await (await officer.PostJson(url, Vote(At(noticeDay.AddDays(15), 23, 59))))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_too_short");
        Assert.Contains($"不能早于 {Named(noticeDay.AddDays(16))}", refused.GetProperty("detail").GetString());
        await (await officer.PostJson(url, Vote(At(noticeDay.AddDays(16), 0, 0)))).ShouldBe<VoteView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_assembly_item_is_a_vote_and_needs_the_longer_vote_notice_the_community_chose()
    {
        var owners = await _voting.Community(PartySpec.Owner(10000));
        var c = await _meetings.Committee(3, owners.Id);
        await (await c.Chair.Client.PutJson($"/api/v1/communities/{owners.Id}/voting-settings",
                new { lastBallotWins = false, resultPublicityDays = 7, silenceCountsAsConsent = false, minimumNoticeDays = 20 }))
            .ShouldBe<VotingSettingsView>(HttpStatusCode.OK);
        var noticeDay = NoticeAt(12, 0);
        var url = $"/api/v1/communities/{owners.Id}/assemblies";
        var before = await RowCounts.Of(api);
        // The assembly's own 15 days are met; its items' votes need the community's 20.
        var refused = await (await c.Chair.Client.PostJson(url, Assembly(At(noticeDay.AddDays(20), 19, 0))))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_too_short");
        Assert.Contains($"不能早于 {Named(noticeDay.AddDays(21))}", refused.GetProperty("detail").GetString());
        Assert.Equal(before, await RowCounts.Of(api));
        await (await c.Chair.Client.PostJson(url, Assembly(At(noticeDay.AddDays(21), 0, 0)))).ShouldBe<AssemblyView>(HttpStatusCode.Created);
    }

    private static object Assembly(DateTimeOffset startsAt) => new
    {
        title = "业主大会",
        place = "小区广场",
        method = "线上表决",
        startsAt,
        endsAt = startsAt.AddDays(7),
        items = new[] { new { title = "选聘物业服务企业", description = "", matter = "HireOrDismissManager", secret = false } },
        demandId = (Guid?)null,
    };

    private static object Vote(DateTimeOffset opensAt) => new
    {
        title = "通知期表决",
        matter = Matter.OtherMajorMatter,
        kind = VoteKind.Motion,
        secrecy = Secrecy.Named,
        showCountsBeforeClose = false,
        opensAt,
        closesAt = opensAt.AddDays(7),
    };
}
