using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>How a community keeps its fund (Order 165 Art. 10): one account, or one per building (按幢立账、按户核算).</summary>
public enum FundAccountMode
{
    Community = 0,
    PerBuilding = 1,
}

/// <summary>
/// A housing maintenance fund account (住宅专项维修资金账户): the community's only account, or one building's account
/// when the community keeps one per building. Its balance is kept as a running total next to its households' running
/// totals and moved only by <see cref="FundLedger"/>, in the same transaction as the entry, so "account = Σ its
/// households" is a stored fact that can be checked at any moment, not a sum computed on demand.
/// </summary>
public sealed class FundAccount : IAudited
{
    public const int DefaultLowBalancePercent = 30;

    private FundAccount() { }

    /// <param name="buildingId">The building this account keeps (per-building mode), or null for the community's one account.</param>
    /// <param name="opensFund">The first account of the community's fund (the one account, or the first building's).</param>
    public FundAccount(Guid communityId, Guid? buildingId, int lowBalancePercent, Guid openedBy, DateTimeOffset now, bool opensFund)
    {
        if (lowBalancePercent is < 1 or > 100)
            throw new DomainRuleViolation("fund_low_balance_percent_invalid", "续筹提醒比例应在 1% 到 100% 之间");
        Id = Ids.New();
        CommunityId = communityId;
        BuildingId = buildingId;
        BuildingKey = buildingId ?? Guid.Empty;
        OpenedFundOf = opensFund ? communityId : null;
        LowBalancePercent = lowBalancePercent;
        CreatedBy = openedBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    /// <summary>The building of a per-building account; null for a community's single account.</summary>
    public Guid? BuildingId { get; private set; }
    /// <summary>
    /// The building's id, or <see cref="Guid.Empty"/> for the community's single account. Never null, and unique with the
    /// community, so the database allows at most one account per community or per building (MariaDB has no filtered
    /// unique indexes; accounts opened before per-building accounts existed read as Guid.Empty, i.e. single accounts).
    /// </summary>
    public Guid BuildingKey { get; private set; }
    /// <summary>
    /// The community's id on the account that opened its fund, NULL on the others, under a unique index (NULLs do not
    /// collide): a community's fund is opened once, whichever mode racing openings ask for.
    /// </summary>
    public Guid? OpenedFundOf { get; private set; }
    public FundAccountMode Mode => BuildingId is null ? FundAccountMode.Community : FundAccountMode.PerBuilding;
    /// <summary>Running total of every entry; equals the sum of the households' balances.</summary>
    public long BalanceFen { get; private set; }
    /// <summary>How many entries were posted; each entry takes the next number as its sequence.</summary>
    public long EntryCount { get; private set; }
    /// <summary>A household is flagged when its balance falls below this percentage of its initial deposit (default 30).</summary>
    public int LowBalancePercent { get; private set; }
    /// <summary>Set once, when opening balances were imported or initial deposits computed (a conditional UPDATE).</summary>
    public DateTimeOffset? OpeningPostedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
