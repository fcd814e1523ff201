using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Fund;

public enum FundEntryKind
{
    /// <summary>Balance carried over when the fund moved onto this system (期初余额).</summary>
    Opening = 0,
    /// <summary>The initial deposit (首期交存).</summary>
    Deposit = 1,
    /// <summary>A top-up (续筹), from a campaign raised by a matter-6 vote.</summary>
    TopUp = 2,
    /// <summary>Interest credited in proportion to balance (利息).</summary>
    Interest = 3,
    /// <summary>Income from common parts credited in proportion to area (公共收益).</summary>
    CommonPartIncome = 4,
    /// <summary>The household's share of a works cost (维修分摊).</summary>
    WorksCharge = 5,
    /// <summary>Money returned to the household (退还).</summary>
    Refund = 6,
    /// <summary>A correction of an earlier entry, which it names; the earlier entry is never changed (更正).</summary>
    Correction = 7,
}

/// <summary>
/// One immutable ledger line. It records the balances right after it (household and account) so a statement, or an
/// owner with a pencil, can check every step; <see cref="SourceKey"/> is unique, so one payment, allocation or charge
/// can never post twice.
/// </summary>
public sealed class FundEntry
{
    public const int MaxMemo = 200;

    private FundEntry() { }

    internal FundEntry(Guid accountId, Guid householdId, long sequence, FundEntryKind kind, long amountFen,
        long householdBalanceAfterFen, long accountBalanceAfterFen, string sourceKey, string memo, Guid? referenceId,
        Guid? correctsEntryId, Guid? postedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        AccountId = accountId;
        HouseholdId = householdId;
        Sequence = sequence;
        Kind = kind;
        AmountFen = amountFen;
        HouseholdBalanceAfterFen = householdBalanceAfterFen;
        AccountBalanceAfterFen = accountBalanceAfterFen;
        SourceKey = sourceKey;
        Memo = memo.Length > MaxMemo ? memo[..MaxMemo] : memo;
        ReferenceId = referenceId;
        CorrectsEntryId = correctsEntryId;
        PostedBy = postedBy;
        PostedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid HouseholdId { get; private set; }
    /// <summary>1, 2, 3 … within the account, in posting order.</summary>
    public long Sequence { get; private set; }
    public FundEntryKind Kind { get; private set; }
    /// <summary>Signed: money in is positive, money out negative.</summary>
    public long AmountFen { get; private set; }
    public long HouseholdBalanceAfterFen { get; private set; }
    public long AccountBalanceAfterFen { get; private set; }
    /// <summary>What caused it, unique: <c>payment:{id}</c>, <c>works:{plan}:{household}</c>, <c>opening:{household}</c> …</summary>
    public string SourceKey { get; private set; } = "";
    public string Memo { get; private set; } = "";
    /// <summary>The campaign, works plan, allocation or payment behind it.</summary>
    public Guid? ReferenceId { get; private set; }
    public Guid? CorrectsEntryId { get; private set; }
    public Guid? PostedBy { get; private set; }
    public DateTimeOffset PostedAt { get; private set; }
}
