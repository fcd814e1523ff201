using System.Text;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Voting;

namespace Renovation.Community.Application.Features.DemoData;

/// <summary>
/// Committee meetings in each demo community, dated relative to the clock so every rule holds on default settings:
/// <list type="bullet">
/// <item>an upcoming one at 19:00 China time on the first day the committee notice period allows (the 8th calendar day on
/// the default 7 days): 幸福里's convened by chair-a; 和平新村's convened by committee-b on their own call for a meeting (a
/// committee of one is its own third);</item>
/// <item>in 幸福里, one in session now (convened 10 days ago, started half an hour ago, chair-a signed in, committee-a
/// not yet, so it has no quorum until they sign in);</item>
/// <item>in 幸福里, a past one (convened 21 days ago, held on the first day its notice allowed, both members present):
/// one item passed, one not passed, one internal item passed, closed, its minutes and decisions published the next day
/// as a community notice, so the resolutions list has entries;</item>
/// <item>with the story (<c>DemoData:Story</c>), an owners' assembly whose one item is the story's closed paper-ballot vote,
/// results not yet published (due within 3 days of the close).</item>
/// </list>
/// </summary>
public static class MeetingsDemo
{
    public const string UpcomingTitle = "幸福里业委会十二月例会";
    public const string InSessionTitle = "幸福里业委会临时会议";
    public const string PastTitle = "幸福里业委会公共收益专题会议";
    public const string AssemblyTitle = "幸福里小区业主大会年度会议";

    public static async Task SeedAsync(AppDbContext db, Guid communityA, Guid communityB, DateTimeOffset now, int noticeDays,
        CancellationToken ct)
    {
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.ScopeId == communityA || g.ScopeId == communityB).ToListAsync(ct);
        var startsAt = NoticePeriod.EarliestStart(now, noticeDays).AddHours(19);
        db.CommitteeMeetings.Add(Meeting(communityA, UpcomingTitle, startsAt, MeetingOrigin.Chair, null, grants, now,
            [("1幢加装电梯选址方案", "比较东西两侧两个方案", true), ("单元门禁更换", "三家报价比选", true), ("委员分工调整", null, false)]));

        var committeeB = grants.First(g => g.ScopeId == communityB).UserId;
        var call = new CommitteeMeetingCall(communityB, "小区雨污分流施工影响出行，需尽快讨论应对措施", 1, committeeB, now);
        call.Reach(1, 7, now);
        db.CommitteeMeetingCalls.Add(call);
        db.CommitteeMeetingCallSignatures.Add(new MeetingCallSignature(call.Id, committeeB, now));
        var meetingB = Meeting(communityB, "和平新村业委会临时会议", startsAt, MeetingOrigin.MembersCall, call.Id, grants, now,
            [("雨污分流施工期间临时停车安排", null, true)]);
        call.Convened(meetingB.Id);
        db.CommitteeMeetings.Add(meetingB);

        SeedInSession(db, communityA, grants, now);
        await SeedPastAsync(db, communityA, grants, now, noticeDays, ct);
        await SeedAssemblyAsync(db, communityA, grants, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Started half an hour ago: attendance is open; the chair has signed in, the other member has not.</summary>
    private static void SeedInSession(AppDbContext db, Guid communityId, IReadOnlyList<RoleGrant> grants, DateTimeOffset now)
    {
        var meeting = Meeting(communityId, InSessionTitle, now.AddMinutes(-30), MeetingOrigin.Chair, null, grants, now.AddDays(-10),
            [("雨季前屋面排水沟清理", "物业报价及施工时间", true), ("楼道杂物清理倡议", null, true)]);
        var chair = meeting.Members.Single(m => m.IsChair);
        chair.MarkPresent(chair.UserId, now.AddMinutes(-40));
        db.CommitteeMeetings.Add(meeting);
    }

    /// <summary>Held, decided, closed and published, each step at the time it would have happened.</summary>
    private static async Task SeedPastAsync(AppDbContext db, Guid communityId, IReadOnlyList<RoleGrant> grants, DateTimeOffset now,
        int noticeDays, CancellationToken ct)
    {
        var convenedAt = now.AddDays(-21);
        var startsAt = NoticePeriod.EarliestStart(convenedAt, noticeDays).AddHours(19);
        var meeting = Meeting(communityId, PastTitle, startsAt, MeetingOrigin.Chair, null, grants, convenedAt,
            [("小区公共收益使用计划", "广告位和停车收益用于绿化补植", true), ("更换监控摄像头", "物业报价 4.2 万元", true), ("委员值班安排", null, false)]);
        db.CommitteeMeetings.Add(meeting);
        foreach (var member in meeting.Members)
            member.MarkPresent(member.UserId, startsAt.AddMinutes(-10));
        var chair = meeting.Members.Single(m => m.IsChair).UserId;
        var stances = new[] { Stance.For, Stance.Against, Stance.For };
        for (var i = 0; i < meeting.Items.Count; i++)
        {
            var item = meeting.Items[i];
            var positions = meeting.Members.Select(m => new MemberPosition(meeting.Id, item.Id, m.UserId,
                m.IsChair ? Stance.For : stances[i], m.UserId, startsAt.AddMinutes(20 + 10 * i))).ToList();
            db.CommitteeMemberPositions.AddRange(positions);
            item.Decide(positions.Count(p => p.Stance == Stance.For), positions.Count(p => p.Stance == Stance.Against),
                positions.Count(p => p.Stance == Stance.Abstain), meeting.MemberCount, startsAt.AddMinutes(25 + 10 * i));
        }
        meeting.Close(startsAt.AddHours(2));

        var publishedAt = startsAt.AddDays(1);
        var outbox = new EventOutbox(db, new StoryClock(publishedAt), Options.Create(new JsonOptions()));
        const string minutes = "会议由主任主持，全体委员出席。公共收益使用计划通过；更换监控摄像头因报价偏高未通过，请物业重新询价后再议。";
        var body = new StringBuilder();
        body.AppendLine($"会议时间：{startsAt.ToChina():yyyy年M月d日 HH:mm}，应到委员 {meeting.MemberCount} 人，实到 {meeting.MemberCount} 人。");
        body.AppendLine("决定事项：");
        foreach (var item in meeting.Items.Where(i => i.Public))
            body.AppendLine($"{item.Order}. {item.Title}：{(item.Outcome == ItemOutcome.Passed ? "通过" : "未通过")}" +
                $"（同意并签字 {item.SignedFor} 人 / 全体委员 {meeting.MemberCount} 人）");
        body.AppendLine().AppendLine("会议纪要：").AppendLine(minutes);
        var noticeId = await CommunityNotices.PublishAsync(db, outbox, communityId, $"业主委员会会议纪要及决定：{PastTitle}",
            body.ToString(), chair, publishedAt, ct);
        meeting.PublishMinutes(minutes, noticeId, publishedAt);
    }

    /// <summary>The story's closed paper-ballot vote, read as the item of the owners' assembly that decided it.</summary>
    private static async Task SeedAssemblyAsync(AppDbContext db, Guid communityId, IReadOnlyList<RoleGrant> grants, CancellationToken ct)
    {
        var vote = await db.Votes.AsNoTracking().Where(v => v.CommunityId == communityId && v.Title == StoryDemo.ClosedVoteTitle)
            .Select(v => new { v.Id, v.Description, v.Matter, v.Secrecy, v.OpensAt, v.ClosesAt, v.CreatedAt, v.ConvenedBy })
            .SingleOrDefaultAsync(ct);
        if (vote is null)
            return;
        var chair = grants.Single(g => g.ScopeId == communityId && g.Role == Role.CommitteeChair).UserId;
        var assembly = new OwnersAssembly(communityId, AssemblyTitle, "社区党群服务中心一楼大厅", "书面征求意见（纸质表决票）",
            vote.OpensAt, vote.ClosesAt, null, chair, vote.CreatedAt);
        assembly.AddItem(StoryDemo.ClosedVoteTitle, vote.Description, vote.Matter, vote.Secrecy == Secrecy.Secret, vote.Id);
        db.OwnersAssemblies.Add(assembly);
    }

    private static CommitteeMeeting Meeting(Guid communityId, string title, DateTimeOffset startsAt, MeetingOrigin origin, Guid? callId,
        IReadOnlyList<RoleGrant> grants, DateTimeOffset convenedAt, (string, string?, bool)[] items)
    {
        var roster = grants.Where(g => g.ScopeId == communityId && g.Role is Role.CommitteeMember or Role.CommitteeChair)
            .Select(g => (g.UserId, g.Role == Role.CommitteeChair)).ToList();
        var convener = roster.OrderByDescending(r => r.Item2).First().UserId;
        return new CommitteeMeeting(communityId, title, startsAt, "社区党群服务中心二楼会议室", null, 20, origin, callId, convener, null,
            roster, items, convenedAt);
    }
}
