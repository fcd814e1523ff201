using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Meetings;

namespace Renovation.Community.Application.Features.DemoData;

/// <summary>
/// One committee meeting in each demo community, at 19:00 China time on the first day the committee notice period
/// allows (the 8th calendar day on the default 7 days): 幸福里's convened by chair-a with committee-a on the roster;
/// 和平新村's convened by committee-b on their own call for a meeting (a committee of one is its own third).
/// </summary>
public static class MeetingsDemo
{
    public static async Task SeedAsync(AppDbContext db, Guid communityA, Guid communityB, DateTimeOffset now, int noticeDays,
        CancellationToken ct)
    {
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.ScopeId == communityA || g.ScopeId == communityB).ToListAsync(ct);
        var startsAt = NoticePeriod.EarliestStart(now, noticeDays).AddHours(19);
        db.CommitteeMeetings.Add(Meeting(communityA, "幸福里业委会十二月例会", startsAt, MeetingOrigin.Chair, null, grants, now,
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
        await db.SaveChangesAsync(ct);
    }

    private static CommitteeMeeting Meeting(Guid communityId, string title, DateTimeOffset startsAt, MeetingOrigin origin, Guid? callId,
        IReadOnlyList<RoleGrant> grants, DateTimeOffset now, (string, string?, bool)[] items)
    {
        var roster = grants.Where(g => g.ScopeId == communityId && g.Role is Role.CommitteeMember or Role.CommitteeChair)
            .Select(g => (g.UserId, g.Role == Role.CommitteeChair)).ToList();
        var convener = roster.OrderByDescending(r => r.Item2).First().UserId;
        return new CommitteeMeeting(communityId, title, startsAt, "社区党群服务中心二楼会议室", null, 20, origin, callId, convener, null,
            roster, items, now);
    }
}
