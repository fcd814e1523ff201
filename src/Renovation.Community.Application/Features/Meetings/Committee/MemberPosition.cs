using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Meetings;

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
