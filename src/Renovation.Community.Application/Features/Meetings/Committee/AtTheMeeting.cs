using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>
/// <c>ProxyUserId</c> exists so a client that tries to send someone in a member's place gets the rule, not a silent
/// success: committee members may not send proxies.
/// </summary>
public sealed record RecordAttendanceRequest(Guid MemberUserId, Guid? ProxyUserId) : IValidatable
{
    public void Validate(Validator v) => v.NotEmpty(MemberUserId, "memberUserId", "委员");
}

public sealed record StatePositionRequest(Guid MemberUserId, Stance Stance) : IValidatable
{
    public void Validate(Validator v)
    {
        v.NotEmpty(MemberUserId, "memberUserId", "委员");
        if (!Enum.IsDefined(Stance))
            v.Add("stance", "表态应为 For、Against 或 Abstain");
    }
}

/// <summary>Attendance, positions and signatures, decisions and observers while a committee meeting sits.</summary>
public static class AtTheMeeting
{
    public static async Task<Ok<CommitteeMeetingView>> RecordAttendanceAsync(Guid meetingId, RecordAttendanceRequest request,
        Access access, AppDbContext db, EventOutbox outbox, TimeProvider clock, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var (meeting, _) = await MeetingsAccess.FindMeetingAsync(db, access, meetingId, ct, tracked: true);
        await MeetingsAccess.RequireOnRosterAsync(access, meeting, ct);
        if (request.ProxyUserId is { } proxy && proxy != request.MemberUserId)
            throw new DomainRuleViolation("committee_proxy_not_allowed", "业委会委员不得委托他人代为出席会议");
        var member = meeting.Members.SingleOrDefault(m => m.UserId == request.MemberUserId)
            ?? throw new DomainRuleViolation("not_a_member", "该用户不在本次会议的委员名单上");
        var now = clock.GetUtcNow();
        meeting.EnsureInSession(now);
        member.MarkPresent(access.UserId, now);
        var present = meeting.Members.Count(m => m.PresentAt is not null);
        await MeetingsAccess.LiveAsync(db, outbox, meeting, "committee_meeting.attendance", new
        {
            meetingId, memberUserId = member.UserId, present, memberCount = meeting.MemberCount,
            quorumMet = CommitteeMeeting.QuorumMet(present, meeting.MemberCount),
        }, ct);
        await db.SaveOrAnswerAsync(MeetingMember.AlreadyPresent, ct);
        return TypedResults.Ok(await CommitteeMeetings.ViewAsync(db, meeting, full: true, options.Value, ct));
    }

    /// <summary>
    /// A member states their own position (signed at once), or the secretary enters a present member's position,
    /// which a second member then confirms.
    /// </summary>
    public static async Task<Created<PositionView>> StatePositionAsync(Guid itemId, StatePositionRequest request, Access access,
        AppDbContext db, EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var (meeting, item) = await ItemAsync(db, access, itemId, ct);
        await MeetingsAccess.RequireOnRosterAsync(access, meeting, ct);
        var now = clock.GetUtcNow();
        meeting.EnsureInSession(now);
        if (item.Outcome != ItemOutcome.Pending)
            throw AgendaItem.AlreadyDecided();
        var member = meeting.Members.SingleOrDefault(m => m.UserId == request.MemberUserId)
            ?? throw new DomainRuleViolation("not_a_member", "该用户不在本次会议的委员名单上");
        if (member.PresentAt is null)
            throw new DomainRuleViolation("member_not_present", "委员须亲自出席并签到后才能表态（不得委托）");
        if (await db.CommitteeMemberPositions.AnyAsync(p => p.ItemId == itemId && p.MemberUserId == request.MemberUserId, ct))
            throw MemberPosition.Exists();
        var position = new MemberPosition(meeting.Id, itemId, request.MemberUserId, request.Stance, access.UserId, now);
        db.CommitteeMemberPositions.Add(position);
        await MeetingsAccess.LiveAsync(db, outbox, meeting, "committee_meeting.position", new
        {
            meetingId = meeting.Id, itemId, memberUserId = position.MemberUserId, signed = position.SignedAt is not null,
        }, ct);
        await db.SaveOrAnswerAsync(MemberPosition.Exists, ct);
        return TypedResults.Created($"/api/v1/committee-meeting-items/{itemId}", ViewOf(position));
    }

    public static async Task<Ok<PositionView>> ConfirmPositionAsync(Guid positionId, Access access, AppDbContext db, EventOutbox outbox,
        TimeProvider clock, CancellationToken ct)
    {
        static AppProblem NotFound() => AppProblem.NotFound("position_not_found", "表态记录不存在");
        var position = await db.CommitteeMemberPositions.SingleOrDefaultAsync(p => p.Id == positionId, ct) ?? throw NotFound();
        var (meeting, item) = await ItemAsync(db, access, position.ItemId, ct, notFound: NotFound);
        await MeetingsAccess.RequireOnRosterAsync(access, meeting, ct);
        var now = clock.GetUtcNow();
        meeting.EnsureInSession(now);
        if (item.Outcome != ItemOutcome.Pending)
            throw AgendaItem.AlreadyDecided();
        position.Confirm(access.UserId, now);
        await MeetingsAccess.LiveAsync(db, outbox, meeting, "committee_meeting.position", new
        {
            meetingId = meeting.Id, itemId = item.Id, memberUserId = position.MemberUserId, signed = true,
        }, ct);
        await db.SaveOrAnswerAsync(MemberPosition.AlreadySigned, ct);
        return TypedResults.Ok(ViewOf(position));
    }

    /// <summary>
    /// Records the item's decision from the signed positions. It needs a quorum present, and passes only with the
    /// signatures of more than half of ALL members on the roster.
    /// </summary>
    public static async Task<Ok<AgendaItemView>> DecideAsync(Guid itemId, Access access, AppDbContext db, EventOutbox outbox,
        TimeProvider clock, CancellationToken ct)
    {
        var (meeting, item) = await ItemAsync(db, access, itemId, ct, tracked: true);
        await MeetingsAccess.RequireOnRosterAsync(access, meeting, ct);
        var now = clock.GetUtcNow();
        meeting.EnsureInSession(now);
        if (item.Outcome != ItemOutcome.Pending)
            throw AgendaItem.AlreadyDecided();
        var present = meeting.Members.Count(m => m.PresentAt is not null);
        if (!CommitteeMeeting.QuorumMet(present, meeting.MemberCount))
            throw new DomainRuleViolation("quorum_not_met", $"出席委员 {present} 人，未超过全体委员 {meeting.MemberCount} 人的半数，不能作出决定")
                .With("present", present).With("memberCount", meeting.MemberCount);
        var signed = await db.CommitteeMemberPositions.AsNoTracking().Where(p => p.ItemId == itemId && p.SignedAt != null)
            .GroupBy(p => p.Stance).Select(g => new { Stance = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(Stance s) => signed.SingleOrDefault(x => x.Stance == s)?.Count ?? 0;
        item.Decide(Count(Stance.For), Count(Stance.Against), Count(Stance.Abstain), meeting.MemberCount, now);
        await MeetingsAccess.LiveAsync(db, outbox, meeting, "committee_meeting.decided", new
        {
            meetingId = meeting.Id, itemId, item.Outcome, item.SignedFor, memberCount = meeting.MemberCount,
        }, ct);
        await db.SaveOrAnswerAsync(AgendaItem.AlreadyDecided, ct);
        return TypedResults.Ok(new AgendaItemView(item.Id, item.Order, item.Title, item.Description, item.Public, item.Outcome,
            item.SignedFor, item.SignedAgainst, item.SignedAbstain, item.DecidedAt, null));
    }

    /// <summary>
    /// An owner of the community registers to observe. The seat is taken by one conditional UPDATE under the
    /// capacity (and a check constraint); the registration row is unique per user: both in one transaction.
    /// </summary>
    public static async Task<Created<ObserverView>> RegisterObserverAsync(Guid meetingId, Access access, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var (meeting, _) = await MeetingsAccess.FindMeetingAsync(db, access, meetingId, ct);
        if ((await access.UnitsInAsync(meeting.CommunityId, ct)).Count == 0)
            throw AppProblem.Forbidden("只有本小区已绑定房屋的业主可以报名旁听");
        if (meeting.State == CommitteeMeetingState.Cancelled)
            throw CommitteeMeeting.Cancelled();
        if (meeting.State != CommitteeMeetingState.Scheduled)
            throw new DomainRuleViolation("meeting_closed", "会议已结束", StatusCodes.Status409Conflict);
        var userId = access.UserId;
        var now = clock.GetUtcNow();
        var observer = await db.InTransactionAsync(async ct =>
        {
            if (await db.CommitteeMeetingObservers.AnyAsync(o => o.MeetingId == meetingId && o.UserId == userId, ct))
                throw AlreadyObserving();
            var seated = await db.CommitteeMeetings.Where(m => m.Id == meetingId && m.ObserverCount < m.ObserverCapacity)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ObserverCount, m => m.ObserverCount + 1), ct);
            if (seated == 0)
                throw ObserversFull();
            var registration = new MeetingObserver(meetingId, userId, now);
            db.CommitteeMeetingObservers.Add(registration);
            await db.SaveOrAnswerAsync(AlreadyObserving, ct);
            return registration;
        }, ct);
        var count = await db.CommitteeMeetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.ObserverCount).SingleAsync(ct);
        return TypedResults.Created($"/api/v1/committee-meetings/{meetingId}",
            new ObserverView(meetingId, userId, observer.RegisteredAt, count, meeting.ObserverCapacity));
    }

    private static AppProblem AlreadyObserving() => AppProblem.Conflict("already_observing", "您已报名旁听本次会议");
    private static AppProblem ObserversFull() => AppProblem.Conflict("observers_full", "旁听名额已满");

    /// <summary>The item and its meeting; one the caller may not see is reported as <paramref name="notFound"/>.</summary>
    private static async Task<(CommitteeMeeting Meeting, AgendaItem Item)> ItemAsync(AppDbContext db, Access access, Guid itemId,
        CancellationToken ct, bool tracked = false, Func<AppProblem>? notFound = null)
    {
        notFound ??= () => AppProblem.NotFound("item_not_found", "议题不存在或不在您的范围内");
        var meetingId = await db.CommitteeAgendaItems.Where(i => i.Id == itemId).Select(i => (Guid?)i.MeetingId).SingleOrDefaultAsync(ct)
            ?? throw notFound();
        var (meeting, _) = await MeetingsAccess.FindMeetingAsync(db, access, meetingId, ct, tracked, notFound);
        return (meeting, meeting.Items.Single(i => i.Id == itemId));
    }

    private static PositionView ViewOf(MemberPosition p) => new(p.Id, p.MemberUserId, p.Stance, p.EnteredBy, p.SignedAt, p.SignedBy);
}
