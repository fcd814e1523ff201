using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>
/// Members calling for a committee meeting (三分之一以上委员提议). Once at least a third of the members (as the
/// committee stood when the call started) have signed, a meeting must be convened on it within the set number of days; the
/// street sees it when that does not happen.
/// </summary>
public sealed class CommitteeMeetingCall : IAudited
{
    private CommitteeMeetingCall() { }

    public CommitteeMeetingCall(Guid communityId, string reason, int memberCount, Guid startedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        CommunityId = communityId;
        Reason = reason.Trim();
        MemberCount = memberCount;
        StartedBy = startedBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public string Reason { get; private set; } = "";
    public int MemberCount { get; private set; }
    public Guid StartedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReachedAt { get; private set; }
    /// <summary>A meeting must be convened on the call by then.</summary>
    public DateTimeOffset? HoldBy { get; private set; }
    public Guid? MeetingId { get; private set; }
    public int Version { get; private set; }

    /// <summary>At least a third of the members: 3 × signatures ≥ members.</summary>
    public static bool Enough(int signatures, int members) => signatures * 3 >= members;

    public bool Reach(int signatures, int holdWithinDays, DateTimeOffset now)
    {
        if (ReachedAt is not null || !Enough(signatures, MemberCount))
            return false;
        ReachedAt = now;
        HoldBy = now.AddDays(holdWithinDays);
        Version++;
        return true;
    }

    public void Convened(Guid meetingId)
    {
        if (ReachedAt is null)
            throw new DomainRuleViolation("call_not_reached", "提议召开会议的委员尚不足三分之一");
        if (MeetingId is not null)
            throw AlreadyConvened();
        MeetingId = meetingId;
        Version++;
    }

    public static AppProblem AlreadyConvened() => AppProblem.Conflict("call_already_convened", "该提议已召集会议");
}
