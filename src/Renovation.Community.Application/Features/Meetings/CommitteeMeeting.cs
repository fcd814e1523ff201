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
        if (State != CommitteeMeetingState.Scheduled)
            throw new DomainRuleViolation("meeting_closed", "会议已结束", StatusCodes.Status409Conflict);
        if (now < StartsAt.AddHours(-1))
            throw new DomainRuleViolation("meeting_not_started", "会议尚未开始（开始前一小时起可签到）");
    }

    public void Close(DateTimeOffset now)
    {
        EnsureInSession(now);
        State = CommitteeMeetingState.Closed;
        ClosedAt = now;
        Version++;
    }

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

/// <summary>A member on a meeting's roster and their attendance, recorded once (concurrency token).</summary>
public sealed class MeetingMember
{
    private MeetingMember() { }

    public MeetingMember(Guid meetingId, Guid userId, bool isChair)
    {
        MeetingId = meetingId;
        UserId = userId;
        IsChair = isChair;
    }

    public Guid MeetingId { get; private set; }
    public Guid UserId { get; private set; }
    public bool IsChair { get; private set; }
    public DateTimeOffset? PresentAt { get; private set; }
    public Guid? RecordedBy { get; private set; }
    public int Version { get; private set; }

    public void MarkPresent(Guid recordedBy, DateTimeOffset now)
    {
        if (PresentAt is not null)
            throw AlreadyPresent();
        PresentAt = now;
        RecordedBy = recordedBy;
        Version++;
    }

    public static AppProblem AlreadyPresent() => AppProblem.Conflict("already_present", "该委员已签到");
}

public enum ItemOutcome
{
    Pending = 0,
    Passed = 1,
    NotPassed = 2,
}

/// <summary>One item on a committee meeting's agenda; <see cref="Public"/> items are shown to owners.</summary>
public sealed class AgendaItem
{
    private AgendaItem() { }

    public AgendaItem(Guid meetingId, int order, string title, string? description, bool isPublic)
    {
        Id = Ids.New();
        MeetingId = meetingId;
        Order = order;
        Title = title.Trim();
        Description = description?.Trim() ?? "";
        Public = isPublic;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public int Order { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public bool Public { get; private set; }
    public ItemOutcome Outcome { get; private set; }
    public int SignedFor { get; private set; }
    public int SignedAgainst { get; private set; }
    public int SignedAbstain { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public int Version { get; private set; }

    public void Decide(int signedFor, int signedAgainst, int signedAbstain, int members, DateTimeOffset now)
    {
        if (Outcome != ItemOutcome.Pending)
            throw AlreadyDecided();
        SignedFor = signedFor;
        SignedAgainst = signedAgainst;
        SignedAbstain = signedAbstain;
        Outcome = CommitteeMeeting.Passes(signedFor, members) ? ItemOutcome.Passed : ItemOutcome.NotPassed;
        DecidedAt = now;
        Version++;
    }

    public static AppProblem AlreadyDecided() => AppProblem.Conflict("item_already_decided", "该议题已形成决定");
}

public enum Stance
{
    For = 0,
    Against = 1,
    Abstain = 2,
}

/// <summary>
/// A member's position on an item and its signature: signed at once when the member states it themself, otherwise
/// entered by the secretary and signed when a second member confirms it. One per member and item (unique index).
/// </summary>
public sealed class MemberPosition : IAudited
{
    private MemberPosition() { }

    public MemberPosition(Guid meetingId, Guid itemId, Guid memberUserId, Stance stance, Guid enteredBy, DateTimeOffset now)
    {
        Id = Ids.New();
        MeetingId = meetingId;
        ItemId = itemId;
        MemberUserId = memberUserId;
        Stance = stance;
        EnteredBy = enteredBy;
        EnteredAt = now;
        if (enteredBy == memberUserId)
        {
            SignedAt = now;
            SignedBy = memberUserId;
        }
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid ItemId { get; private set; }
    public Guid MemberUserId { get; private set; }
    public Stance Stance { get; private set; }
    public Guid EnteredBy { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }
    /// <summary>Null while a secretary's entry waits for a second member's confirmation.</summary>
    public DateTimeOffset? SignedAt { get; private set; }
    /// <summary>The member themself, or the second member who confirmed the secretary's entry.</summary>
    public Guid? SignedBy { get; private set; }
    public int Version { get; private set; }

    public void Confirm(Guid confirmer, DateTimeOffset now)
    {
        if (SignedAt is not null)
            throw AlreadySigned();
        if (confirmer == EnteredBy)
            throw new DomainRuleViolation("second_member_required", "录入人不能自行确认，须由另一名委员确认");
        SignedAt = now;
        SignedBy = confirmer;
        Version++;
    }

    public static AppProblem AlreadySigned() => AppProblem.Conflict("position_already_signed", "该表态已签字确认");
    public static AppProblem Exists() => AppProblem.Conflict("position_exists", "该委员对此议题已有表态");
}

/// <summary>An owner registered to observe a meeting (旁听); one per user and meeting, at most the meeting's capacity.</summary>
public sealed class MeetingObserver
{
    private MeetingObserver() { }

    public MeetingObserver(Guid meetingId, Guid userId, DateTimeOffset now)
    {
        Id = Ids.New();
        MeetingId = meetingId;
        UserId = userId;
        RegisteredAt = now;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
}
