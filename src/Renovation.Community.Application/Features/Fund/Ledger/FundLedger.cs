using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>What to post on one household's ledger.</summary>
/// <param name="SourceKey">Unique per cause (a payment, a charge, an allocation line): the same cause never posts twice.</param>
public sealed record FundPosting(Guid HouseholdId, FundEntryKind Kind, long AmountFen, string SourceKey, string Memo,
    Guid? ReferenceId = null, Guid? CorrectsEntryId = null, Guid? PostedBy = null);

/// <summary>
/// The one path that moves fund money (one home for the rule). Inside the caller's transaction it
/// <list type="number">
/// <item>adds the amount to the account's running balance and takes the next sequence number (a relative UPDATE, which
/// also locks the account row, so every posting of an account is serialised and always locks the account before a
/// household: no deadlock between postings);</item>
/// <item>adds it to the household's balance with <c>WHERE BalanceFen + amount &gt;= 0</c>, so the database refuses a
/// negative household balance whatever the caller read earlier;</item>
/// <item>reads both balances back and stages the entry with them (the caller's SaveChanges inserts it).</item>
/// </list>
/// Both balances move in one transaction with the entry, so Σ households = account holds at every commit.
/// </summary>
public sealed class FundLedger(AppDbContext db, EventOutbox outbox, TimeProvider clock)
{
    public async Task<FundEntry> PostAsync(FundPosting posting, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Fund postings must run inside a transaction with the entry's save.");
        CheckSign(posting.Kind, posting.AmountFen);
        var household = await db.FundHouseholds.AsNoTracking()
            .Where(h => h.Id == posting.HouseholdId)
            .Select(h => new { h.AccountId, h.UnitId, h.InitialDepositFen })
            .SingleOrDefaultAsync(ct) ?? throw AppProblem.NotFound("fund_household_not_found", "分户账不存在");
        // A correction names the entry it corrects; a refund may name the entry whose money it gives back (a top-up).
        if (posting.Kind == FundEntryKind.Correction || posting.CorrectsEntryId is not null)
        {
            if (posting.Kind is not (FundEntryKind.Correction or FundEntryKind.Refund))
                throw new InvalidOperationException("Only corrections and refunds name another entry.");
            var corrected = await db.FundEntries.AsNoTracking().AnyAsync(e => e.Id == posting.CorrectsEntryId
                && e.HouseholdId == posting.HouseholdId, ct);
            if (!corrected)
                throw new DomainRuleViolation("fund_correction_target_missing", "更正必须指明同一分户账中被更正的记账");
        }

        var amount = posting.AmountFen;
        var accountMoved = await db.FundAccounts.Where(a => a.Id == household.AccountId && a.BalanceFen + amount >= 0)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.BalanceFen, a => a.BalanceFen + amount)
                .SetProperty(a => a.EntryCount, a => a.EntryCount + 1), ct);
        if (accountMoved == 0)
            throw new DomainRuleViolation("fund_balance_insufficient", "分户账余额不足，维修资金余额不能为负");
        var moved = await db.FundHouseholds.Where(h => h.Id == posting.HouseholdId && h.BalanceFen + amount >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.BalanceFen, h => h.BalanceFen + amount), ct);
        if (moved == 0)
        {
            // Undo the account's half under the lock we still hold, so even a caller that catches this and commits
            // leaves the invariant intact.
            await db.FundAccounts.Where(a => a.Id == household.AccountId).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.BalanceFen, a => a.BalanceFen - amount)
                .SetProperty(a => a.EntryCount, a => a.EntryCount - 1), ct);
            throw new DomainRuleViolation("fund_balance_insufficient", "分户账余额不足，维修资金余额不能为负");
        }

        var householdAfter = await db.FundHouseholds.AsNoTracking().Where(h => h.Id == posting.HouseholdId)
            .Select(h => h.BalanceFen).SingleAsync(ct);
        var account = await db.FundAccounts.AsNoTracking().Where(a => a.Id == household.AccountId)
            .Select(a => new { a.BalanceFen, a.EntryCount, a.CommunityId, a.LowBalancePercent }).SingleAsync(ct);
        var entry = new FundEntry(household.AccountId, posting.HouseholdId, account.EntryCount, posting.Kind, amount,
            householdAfter, account.BalanceFen, posting.SourceKey, posting.Memo, posting.ReferenceId, posting.CorrectsEntryId,
            posting.PostedBy, clock.GetUtcNow());
        db.FundEntries.Add(entry);

        var wasLow = FundHousehold.IsLow(householdAfter - amount, household.InitialDepositFen, account.LowBalancePercent);
        if (!wasLow && FundHousehold.IsLow(householdAfter, household.InitialDepositFen, account.LowBalancePercent))
            FundEvents.LowBalance(outbox, account.CommunityId, household.UnitId, posting.HouseholdId, householdAfter,
                household.InitialDepositFen, account.LowBalancePercent);
        return entry;
    }

    private static void CheckSign(FundEntryKind kind, long amountFen)
    {
        var ok = kind switch
        {
            FundEntryKind.WorksCharge or FundEntryKind.Refund => amountFen < 0,
            FundEntryKind.Correction => amountFen != 0,
            // An opening balance may be zero: the household exists and starts empty.
            FundEntryKind.Opening => amountFen >= 0,
            _ => amountFen > 0,
        };
        if (!ok)
            throw new DomainRuleViolation("fund_amount_invalid", "记账金额的正负与记账类型不符");
    }
}
