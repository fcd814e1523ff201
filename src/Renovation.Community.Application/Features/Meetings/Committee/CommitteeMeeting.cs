using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Meetings;

public enum MeetingOrigin
{
    /// <summary>The chair convened it.</summary>
    Chair = 0,
    /// <summary>At least a third of the members called for it (see <see cref="CommitteeMeetingCall"/>).</summary>
    MembersCall = 1,
}

public enum CommitteeMeetingState
{
    Scheduled = 0,
    Closed = 1,
    /// <summary>Called off before it started; owners, members and the street were told (see <see cref="CommitteeMeeting.Cancel"/>).</summary>
    Cancelled = 2,
}

/// <summary>
/// An owners' committee meeting (业主委员会会议). Its roster is the committee as it stood when the meeting was
/// convened: quorum and decisions are measured against all of those members, never against those present.
/// </summary>
public sealed class CommitteeMeeting : IAudited
{
    private readonly List<MeetingMember> _members = [];
    private readonly List<AgendaItem> _items = [];

    private CommitteeMeeting() { }

    public CommitteeMeeting(Guid communityId, string title, DateTimeOffset startsAt, string? place, string? onlineLink,
        int observerCapacity, MeetingOrigin origin, Guid? callId, Guid convenedBy, string? residentsCommitteeContact,
        IEnumerable<(Guid UserId, bool IsChair)> roster, IEnumerable<(string Title, string? Description, bool Public)> items,
        DateTimeOffset now)
    {
        Id = Ids.New();
        CommunityId = communityId;
        Title = title.Trim();
        StartsAt = startsAt;
        Place = place?.Trim();
        OnlineLink = onlineLink?.Trim();
        ObserverCapacity = observerCapacity;
        Origin = origin;
        CallId = callId;
        ConvenedBy = convenedBy;
        ConvenedAt = now;
        ResidentsCommitteeContact = residentsCommitteeContact;
        foreach (var (userId, isChair) in roster)
            _members.Add(new MeetingMember(Id, userId, isChair));
        MemberCount = _members.Count;
        var order = 0;
        foreach (var (itemTitle, description, isPublic) in items)
            _items.Add(new AgendaItem(Id, ++order, itemTitle, description, isPublic));
        if (MemberCount == 0)
            throw new DomainRuleViolation("committee_has_no_members", "该小区尚无业主委员会委员，不能召开委员会会议");
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public string? Place { get; private set; }
    public string? OnlineLink { get; private set; }
    public MeetingOrigin Origin { get; private set; }
    public Guid? CallId { get; private set; }
    public Guid ConvenedBy { get; private set; }
    public DateTimeOffset ConvenedAt { get; private set; }
    /// <summary>The residents' committee contact the agenda was sent to, as it stood when the meeting was convened.</summary>
    public string? ResidentsCommitteeContact { get; private set; }
    public int MemberCount { get; private set; }
    public int ObserverCapacity { get; private set; }
    /// <summary>Moved only by one conditional UPDATE (<c>… WHERE ObserverCount &lt; ObserverCapacity</c>).</summary>
    public int ObserverCount { get; private set; }
    public CommitteeMeetingState State { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? NoticeId { get; private set; }
    public string? Minutes { get; private set; }
    public Guid? MinutesNoticeId { get; private set; }
    public DateTimeOffset? MinutesPublishedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }
    /// <summary>When the meeting was last moved (its fresh notice went out then); null when it was never moved.</summary>
    public DateTimeOffset? RescheduledAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<MeetingMember> Members => _members;
    public IReadOnlyList<AgendaItem> Items => _items;

    /// <summary>Quorum: more than half of all members present (no proxies).</summary>
    public static bool QuorumMet(int present, int members) => present * 2 > members;

    /// <summary>A decision needs the signatures of more than half of ALL members, not of those present.</summary>
    public static bool Passes(int signedFor, int members) => signedFor * 2 > members;

    public void NoticeSent(Guid noticeId) => NoticeId = noticeId;

    /// <summary>Attendance and positions are taken from an hour before the start until the meeting is closed.</summary>
    public void EnsureInSession(DateTimeOffset now)
    {
        if (State == CommitteeMeetingState.Cancelled)
            throw Cancelled();
        if (State != CommitteeMeetingState.Scheduled)
            throw new DomainRuleViolation("meeting_closed", "会议已结束", StatusCodes.Status409Conflict);
        if (now < SessionOpensAt)
            throw new DomainRuleViolation("meeting_not_started", "会议尚未开始（开始前一小时起可签到）");
    }

    /// <summary>The session opens an hour before the start: from then on the meeting has begun and can no longer be moved or called off.</summary>
    public DateTimeOffset SessionOpensAt => StartsAt.AddHours(-1);

    /// <summary>
    /// Closing ends the session. An item still undecided in a meeting that never reached quorum is recorded as
    /// <see cref="ItemOutcome.NoQuorum"/>: the meeting could not decide it, which the minutes must say.
    /// </summary>
    public void Close(DateTimeOffset now)
    {
        EnsureInSession(now);
        State = CommitteeMeetingState.Closed;
        ClosedAt = now;
        if (!QuorumMet(_members.Count(m => m.PresentAt is not null), MemberCount))
            foreach (var item in _items.Where(i => i.Outcome == ItemOutcome.Pending))
                item.LackedQuorum();
        Version++;
    }

    /// <summary>
    /// Calls the meeting off before its session opens. A meeting a third of the members called is the committee's duty
    /// (rule book §4: it must be held), so no one may call it off; it may only be moved.
    /// </summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        EnsureNotBegun(now);
        if (Origin == MeetingOrigin.MembersCall)
            throw new DomainRuleViolation("called_meeting_cannot_be_cancelled",
                "该会议由三分之一以上委员提议召开，依规必须召开，不能取消；如时间有误，请改期并重新通知");
        State = CommitteeMeetingState.Cancelled;
        CancelledAt = now;
        CancellationReason = reason.Trim();
        Version++;
    }

    /// <summary>Moves the meeting before its session opens; the caller has checked the fresh notice period.</summary>
    public void Reschedule(DateTimeOffset startsAt, string? place, string? onlineLink, DateTimeOffset now)
    {
        EnsureNotBegun(now);
        StartsAt = startsAt;
        if (!string.IsNullOrWhiteSpace(place))
            Place = place.Trim();
        if (!string.IsNullOrWhiteSpace(onlineLink))
            OnlineLink = onlineLink.Trim();
        RescheduledAt = now;
        Version++;
    }

    private void EnsureNotBegun(DateTimeOffset now)
    {
        if (State == CommitteeMeetingState.Cancelled)
            throw Cancelled();
        if (State == CommitteeMeetingState.Closed)
            throw new DomainRuleViolation("meeting_already_finished", "会议已结束，不能取消或改期", StatusCodes.Status409Conflict);
        if (now >= SessionOpensAt)
            throw new DomainRuleViolation("meeting_already_started", "会议已开始（开始前一小时起签到），不能取消或改期",
                StatusCodes.Status409Conflict);
    }

    public static AppProblem Cancelled() =>
        new DomainRuleViolation("meeting_cancelled", "会议已取消", StatusCodes.Status409Conflict);

    public void PublishMinutes(string minutes, Guid noticeId, DateTimeOffset now)
    {
        if (State != CommitteeMeetingState.Closed)
            throw new DomainRuleViolation("meeting_not_closed", "会议结束后才能公布会议纪要", StatusCodes.Status409Conflict);
        if (MinutesPublishedAt is not null)
            throw new DomainRuleViolation("minutes_already_published", "会议纪要已经公布", StatusCodes.Status409Conflict);
        Minutes = minutes.Trim();
        MinutesNoticeId = noticeId;
        MinutesPublishedAt = now;
        Version++;
    }

    /// <summary>Decisions are published within this many days of the close (rule book §4).</summary>
    public DateTimeOffset? MinutesDueBy(int days) => ClosedAt?.AddDays(days);
}

public enum ItemOutcome
{
    Pending = 0,
    Passed = 1,
    NotPassed = 2,
    /// <summary>Not put to a decision because more than half of the members never attended (因出席委员不足半数未能表决).</summary>
    NoQuorum = 3,
}

public enum Stance
{
    For = 0,
    Against = 1,
    Abstain = 2,
}
