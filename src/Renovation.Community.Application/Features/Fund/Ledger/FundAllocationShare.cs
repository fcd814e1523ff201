namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// One household's part of an allocation and the weight it was given: its area (common-part income) or its balance
/// just before (interest). A part of 0 fen posts no entry but is listed, so the list accounts for every household.
/// </summary>
public sealed class FundAllocationShare
{
    private FundAllocationShare() { }

    public FundAllocationShare(Guid allocationId, Guid householdId, Guid unitId, long? areaHundredths, long? balanceFen, long amountFen)
    {
        AllocationId = allocationId;
        HouseholdId = householdId;
        UnitId = unitId;
        AreaHundredths = areaHundredths;
        BalanceFen = balanceFen;
        AmountFen = amountFen;
    }

    public Guid AllocationId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>The area the split counted (hundredths of m²); null for interest.</summary>
    public long? AreaHundredths { get; private set; }
    /// <summary>The balance the split counted (fen); null for common-part income.</summary>
    public long? BalanceFen { get; private set; }
    public long AmountFen { get; private set; }
}
