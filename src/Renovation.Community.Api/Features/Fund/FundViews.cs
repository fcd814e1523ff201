namespace Renovation.Community.Api.Features.Fund;

/// <param name="HouseholdsSumFen">Σ household balances read in the same query as the account: always equal to BalanceFen.</param>
public sealed record FundAccountView(Guid AccountId, Guid CommunityId, long BalanceFen, long HouseholdsSumFen, long EntryCount,
    int Households, int LowBalanceHouseholds, int LowBalancePercent, DateTimeOffset? OpeningPostedAt);

public sealed record HouseholdView(Guid HouseholdId, Guid UnitId, string Building, string Unit, long ExclusiveAreaHundredths,
    long InitialDepositFen, long BalanceFen, bool LowBalance, long TopUpOwingFen, long DueOwingFen);

public sealed record EntryView(Guid Id, long Sequence, string Kind, long AmountFen, long BalanceAfterFen, string Memo,
    Guid? ReferenceId, Guid? CorrectsEntryId, DateTimeOffset PostedAt);

public sealed record HouseholdLedgerView(HouseholdView Household, IReadOnlyList<EntryView> Entries);

/// <summary>Something the household can pay now through Payments (purpose + subjectId).</summary>
public sealed record OwingView(string Purpose, Guid SubjectId, string Title, long AmountFen, long PaidFen, long OwingFen);

public sealed record MyHouseholdView(HouseholdView Household, IReadOnlyList<OwingView> Owing);

public static class FundViews
{
    public static EntryView Of(FundEntry e) => new(e.Id, e.Sequence, e.Kind.ToString(), e.AmountFen, e.HouseholdBalanceAfterFen,
        e.Memo, e.ReferenceId, e.CorrectsEntryId, e.PostedAt);
}
