using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>A household sub-ledger (分户账): one per unit, in fen.</summary>
public sealed class FundHousehold
{
    private FundHousehold() { }

    public FundHousehold(Guid accountId, Guid communityId, Guid buildingId, Guid unitId)
    {
        Id = Ids.New();
        AccountId = accountId;
        CommunityId = communityId;
        BuildingId = buildingId;
        UnitId = unitId;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid CommunityId { get; private set; }
    public Guid BuildingId { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>What the household first deposited (首期交存); the 30% rule and shortfall top-ups measure against it.</summary>
    public long InitialDepositFen { get; private set; }
    /// <summary>Running total of the household's entries; never negative (a conditional UPDATE refuses it).</summary>
    public long BalanceFen { get; private set; }

    public void SetInitialDeposit(long fen)
    {
        if (fen < 0)
            throw new DomainRuleViolation("fund_amount_invalid", "首期交存金额不能为负");
        InitialDepositFen = fen;
    }

    /// <summary>Below the threshold, strictly: exactly 30% is not flagged (see docs/fund.md).</summary>
    public static bool IsLow(long balanceFen, long initialDepositFen, int percent) =>
        initialDepositFen > 0 && balanceFen * 100 < initialDepositFen * percent;
}
