using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Meetings;

public sealed record Member(HttpClient Client, Guid UserId);

/// <summary>A community's committee; the first member is the chair.</summary>
public sealed record Committee(Guid CommunityId, IReadOnlyList<Member> Members)
{
    public Member Chair => Members[0];
}

/// <summary>Builds committees of exactly the size a rule needs and drives meetings through HTTP.</summary>
public sealed class MeetingsWorld(ApiFactory api)
{
    /// <summary>A committee of <paramref name="members"/> in a new community of the demo street (or in the given one).</summary>
    public async Task<Committee> Committee(int members, Guid? communityId = null)
    {
        var demo = await Demo.Of(api);
        var users = new List<Member>();
        for (var i = 0; i < members; i++)
        {
            var (client, userId) = await api.NewWeChatUser();
            users.Add(new Member(client, userId));
        }
        var id = await api.WithDb(async db =>
        {
            var community = communityId ?? Guid.Empty;
            if (communityId is null)
            {
                var created = new ResidentialCommunity(demo.StreetId, "会议测试小区" + Guid.NewGuid().ToString("N")[..8], "测试路 2 号", 1992);
                db.Communities.Add(created);
                community = created.Id;
            }
            var now = api.Clock.GetUtcNow();
            for (var i = 0; i < users.Count; i++)
                db.RoleGrants.Add(new RoleGrant(users[i].UserId, i == 0 ? Role.CommitteeChair : Role.CommitteeMember, community, now));
            await db.SaveChangesAsync();
            return community;
        });
        return new Committee(id, users);
    }

    public static object Agenda(int items, bool allPublic = true) =>
        Enumerable.Range(1, items).Select(i => new { title = $"议题{i}：关于小区改造事项{i}", description = "说明", @public = allPublic || i == 1 }).ToArray();

    public Task<HttpResponseMessage> TryConvene(HttpClient client, Guid communityId, DateTimeOffset startsAt, int items = 1,
        int observerCapacity = 0, Guid? callId = null) =>
        client.PostJson($"/api/v1/communities/{communityId}/committee-meetings", new
        {
            title = "业委会例会",
            startsAt,
            place = "社区活动室",
            onlineLink = (string?)null,
            observerCapacity,
            items = Agenda(items),
            callId,
        });

    /// <summary>
    /// Convenes a meeting past the default 7-day notice: the 8th calendar day is the first allowed, the 9th leaves a day
    /// to spare should the request cross midnight in China.
    /// </summary>
    public async Task<CommitteeMeetingView> Convene(Committee c, int items = 1, int observerCapacity = 0, HttpClient? by = null,
        Guid? callId = null) =>
        await (await TryConvene(by ?? c.Chair.Client, c.CommunityId, api.Clock.GetUtcNow().AddDays(9), items,
            observerCapacity, callId)).ShouldBe<CommitteeMeetingView>(HttpStatusCode.Created);

    /// <summary>Moves the clock to the meeting's start.</summary>
    public void Start(CommitteeMeetingView meeting)
    {
        var wait = meeting.StartsAt - api.Clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
            api.Clock.Advance(wait);
    }

    public async Task<CommitteeMeetingView> Attend(Member by, Guid meetingId, Member member) =>
        await (await by.Client.PostJson($"/api/v1/committee-meetings/{meetingId}/attendance", new { memberUserId = member.UserId }))
            .ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);

    public static async Task<PositionView> State(Member by, Guid itemId, Member member, Stance stance) =>
        await (await by.Client.PostJson($"/api/v1/committee-meeting-items/{itemId}/positions", new { memberUserId = member.UserId, stance }))
            .ShouldBe<PositionView>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> Decide(Member by, Guid itemId) =>
        by.Client.PostAsync($"/api/v1/committee-meeting-items/{itemId}/decide", null);

    public async Task<CommitteeMeetingView> Get(HttpClient client, Guid meetingId) =>
        await (await client.GetAsync($"/api/v1/committee-meetings/{meetingId}")).ShouldBe<CommitteeMeetingView>(HttpStatusCode.OK);

    public Task Sweep() => api.Services.GetRequiredService<JobRunner>().RunNowAsync<MeetingsSweep>();

    public static async Task<EventEnvelope> Next(Channel<EventEnvelope> inbox, string kind, Guid meetingId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var e = await inbox.Reader.ReadAsync(timeout.Token);
            if (e.Kind == kind && e.Payload.TryGetProperty("meetingId", out var id) && id.GetGuid() == meetingId)
                return e;
        }
    }
}
