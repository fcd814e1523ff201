namespace Renovation.Community.Application.Features.Fund;

/// <summary>One account of the community (its only one, or one building's).</summary>
/// <param name="HouseholdsSumFen">Σ its household balances read in the same query as the account: always equal to BalanceFen.</param>
public sealed record FundAccountLine(Guid AccountId, Guid? BuildingId, string? Building, long BalanceFen, long HouseholdsSumFen,
    long EntryCount, int Households, int LowBalanceHouseholds, DateTimeOffset? OpeningPostedAt);

/// <summary>The community's fund: the sums over its accounts, and each account.</summary>
/// <param name="AccountId">The community's account in Community mode; null when it keeps one account per building.</param>
/// <param name="Mode">Community (one account) or PerBuilding (按幢立账).</param>
/// <param name="OpeningPostedAt">When the last account's opening was posted; null while any account awaits its opening.</param>
public sealed record FundAccountView(Guid? AccountId, Guid CommunityId, string Mode, long BalanceFen, long HouseholdsSumFen, long EntryCount,
    int Households, int LowBalanceHouseholds, int LowBalancePercent, DateTimeOffset? OpeningPostedAt, IReadOnlyList<FundAccountLine> Accounts);

public sealed record HouseholdView(Guid HouseholdId, Guid UnitId, Guid AccountId, string Building, string Unit, long ExclusiveAreaHundredths,
    long InitialDepositFen, long BalanceFen, bool LowBalance, long TopUpOwingFen, long DueOwingFen, long? BuildingAreaHundredths);

public sealed record EntryView(Guid Id, long Sequence, string Kind, long AmountFen, long BalanceAfterFen, string Memo,
    Guid? ReferenceId, Guid? CorrectsEntryId, DateTimeOffset PostedAt);

public sealed record HouseholdLedgerView(HouseholdView Household, IReadOnlyList<EntryView> Entries);

/// <summary>Something the household can pay now through Payments (purpose + subjectId).</summary>
/// <param name="PayNowFen">What one payment takes now: the earliest unpaid instalment's outstanding part (all of it without a schedule).</param>
/// <param name="Instalments">A top-up's instalments with due date, amount, paid and outstanding (one without a schedule); null for a works due.</param>
public sealed record OwingView(string Purpose, Guid SubjectId, string Title, long AmountFen, long PaidFen, long OwingFen, long PayNowFen,
    IReadOnlyList<InstalmentView>? Instalments = null);

public sealed record MyHouseholdView(HouseholdView Household, IReadOnlyList<OwingView> Owing);

public static class FundViews
{
    public static EntryView Of(FundEntry e) => new(e.Id, e.Sequence, e.Kind.ToString(), e.AmountFen, e.HouseholdBalanceAfterFen,
        e.Memo, e.ReferenceId, e.CorrectsEntryId, e.PostedAt);
}
