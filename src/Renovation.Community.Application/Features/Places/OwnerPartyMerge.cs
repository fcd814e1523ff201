using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Places;

/// <summary>
/// One merge of a duplicate owner party into another: who merged whom into whom and why. The merged party itself is
/// deleted, so this row (audited when created) is what keeps the decision and its reason in the register's history.
/// </summary>
public sealed class OwnerPartyMerge : IAudited
{
    public const int MaxReason = 200;

    private OwnerPartyMerge() { }

    public OwnerPartyMerge(OwnerParty merged, OwnerParty into, int unitsMoved, string reason, Guid mergedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        CommunityId = into.CommunityId;
        MergedPartyId = merged.Id;
        MergedPartyName = merged.Name;
        IntoPartyId = into.Id;
        UnitsMoved = unitsMoved;
        Reason = reason.Trim();
        MergedBy = mergedBy;
        MergedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public Guid MergedPartyId { get; private set; }
    public string MergedPartyName { get; private set; } = "";
    public Guid IntoPartyId { get; private set; }
    public int UnitsMoved { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid MergedBy { get; private set; }
    public DateTimeOffset MergedAt { get; private set; }
}
