using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// One full read of a resident's contact phone by the staff member serving their order. Kept as a row (audited like any
/// change, so the audit log names who read whose phone, for which order, when): a phone is shown in full nowhere else.
/// </summary>
public sealed class ContactPhoneRead : IAudited
{
    private ContactPhoneRead() { }

    public ContactPhoneRead(ServiceOrder order, Guid partyMemberId, string memberName, Guid readBy, DateTimeOffset now)
    {
        Id = Ids.New();
        CommunityId = order.CommunityId;
        OrderId = order.Id;
        UnitId = order.UnitId;
        PartyMemberId = partyMemberId;
        MemberName = memberName;
        ReadBy = readBy;
        ReadAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>Whose phone: the register's party member.</summary>
    public Guid PartyMemberId { get; private set; }
    /// <summary>The member's name when read, so the log stays readable after a merge removes the member.</summary>
    public string MemberName { get; private set; } = "";
    public Guid ReadBy { get; private set; }
    public DateTimeOffset ReadAt { get; private set; }
}
