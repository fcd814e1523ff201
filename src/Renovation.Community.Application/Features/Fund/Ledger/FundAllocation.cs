using Renovation.Community.Application.Common;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// One allocation of interest or common-part income: what came in, how it was split and among whom. Its shares say what
/// each household got and by what weight; its ledger entries name it (<see cref="FundEntry.ReferenceId"/>), so a
/// committee reads the split once instead of every household's ledger.
/// </summary>
public sealed class FundAllocation : IAudited
{
    private FundAllocation() { }

    public FundAllocation(Guid communityId, Guid? accountId, AllocationKind kind, string reference, long amountFen, AreaKind? areaBasis,
        int households, Guid allocatedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        CommunityId = communityId;
        AccountId = accountId;
        Kind = kind;
        Reference = reference;
        AmountFen = amountFen;
        AreaBasis = areaBasis;
        Households = households;
        AllocatedBy = allocatedBy;
        AllocatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    /// <summary>The account that received the money; null when the community's households shared it across accounts.</summary>
    public Guid? AccountId { get; private set; }
    public AllocationKind Kind { get; private set; }
    /// <summary>The bank slip or income record number.</summary>
    public string Reference { get; private set; } = "";
    public long AmountFen { get; private set; }
    /// <summary>The area common-part income was split by; null for interest, split by balance.</summary>
    public AreaKind? AreaBasis { get; private set; }
    public int Households { get; private set; }
    public Guid AllocatedBy { get; private set; }
    public DateTimeOffset AllocatedAt { get; private set; }
}
