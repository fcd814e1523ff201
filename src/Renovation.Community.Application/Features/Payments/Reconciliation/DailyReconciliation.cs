using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Authorization;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Observability;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;
using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Pay.TradeBills;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

public enum ReconcileStatus
{
    Reconciled = 0,
    /// <summary>WeChat Pay has no bill yet (NO_STATEMENT_EXIST, STATEMENT_CREATING): run again later.</summary>
    TryLater = 1,
}

public sealed record ReconcileOutcome(DateOnly BillDate, ReconcileStatus Status, string? TryLaterCode, long BillRows,
    int DiscrepanciesFound, int DiscrepanciesNew, int Healed);

/// <summary>
/// Reconciles one bill day: fetch the ALL trade bill (SHA1 checked by the client), match it (<see cref="BillMatcher"/>),
/// store each difference once, heal orders WeChat has paid and we have not through the one settlement path, write the
/// day's report and tell the people accountable for the money. Every write is keyed by the day (unique indexes), so a
/// second run of a day — by the job on another node or by an admin — finds the same differences and changes nothing.
/// </summary>
public sealed class DailyReconciliation(AppDbContext db, IServiceProvider services, IPaymentSettlement settlement, EventOutbox outbox,
    TimeProvider clock, ProductMetrics metrics, ILogger<DailyReconciliation> logger)
{
    public const string DiscrepanciesEvent = "reconciliation.discrepancies";
    public const int MaxMonthsBack = 3;

    /// <summary>Stored as the day's SHA1 when WeChat had no bill for it (a day without transactions).</summary>
    public const string NoBillSha1 = "";

    /// <summary>
    /// WeChat publishes a day's bill at about 10:00 (China) the next day. Before that NO_STATEMENT_EXIST only means "not
    /// yet"; after it, the day had no transactions. STATEMENT_CREATING always means "not yet".
    /// </summary>
    public static DateTimeOffset BillDueAt(DateOnly billDate) =>
        new DateTimeOffset(billDate.AddDays(1).ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset);

    /// <summary>Today in China; bills are cut by Beijing time.</summary>
    public DateOnly TodayInChina => DateOnly.FromDateTime(clock.GetUtcNow().ToChina().DateTime);

    /// <exception cref="TradeBillHashMismatchException">the downloaded file is not the one WeChat announced; nothing is stored.</exception>
    public async Task<ReconcileOutcome> RunAsync(DateOnly billDate, CancellationToken ct)
    {
        var today = TodayInChina;
        if (billDate > today || billDate < today.AddMonths(-MaxMonthsBack))
            throw new DomainRuleViolation("reconciliation_date_out_of_range", $"只能对账最近 {MaxMonthsBack} 个月内的日期")
                .With("earliest", today.AddMonths(-MaxMonthsBack)).With("latest", today);

        var pay = services.GetRequiredService<IWeChatPayClient>();
        // WeChat's answer is about the moment we asked, not the moment it arrived.
        var askedAt = clock.GetUtcNow();
        var application = await pay.ApplyTradeBillAsync(billDate, TradeBillType.All, ct);
        if (!application.IsReady)
        {
            if (application.TryLaterCode == WeChatPayErrorCodes.NoStatementExist && askedAt >= BillDueAt(billDate))
            {
                // Past the hour the bill is due, "no statement" means the merchant had no transaction that day: the day
                // is reconciled with zero rows (and anything we settled that day is missing from WeChat's books).
                logger.LogInformation("No trade bill for {BillDate} (no transactions at WeChat Pay)", billDate);
                return await RecordAsync(billDate, await new BillMatcher(db).MatchAsync(null, billDate, ct), NoBillSha1, ct);
            }
            logger.LogInformation("Trade bill of {BillDate} not ready ({Code}); try later", billDate, application.TryLaterCode);
            return new ReconcileOutcome(billDate, ReconcileStatus.TryLater, application.TryLaterCode, 0, 0, 0, 0);
        }

        // The bill goes to a temporary file (not memory); the matcher streams it from there.
        var path = Path.Combine(Path.GetTempPath(), $"tradebill-{billDate:yyyyMMdd}-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                await pay.DownloadTradeBillAsync(application.Download!, file, ct);
            var result = await new BillMatcher(db).MatchAsync(
                () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), billDate, ct);
            return await RecordAsync(billDate, result, application.Download!.HashValue, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<ReconcileOutcome> RecordAsync(DateOnly billDate, BillMatchResult result, string sha1, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var inserted = await InsertNewAsync(billDate, result.Discrepancies, now, ct);
        var healed = await HealAsync(billDate, result.Discrepancies, ct);
        await WriteReportAsync(billDate, result, ct);
        var day = await db.ReconciliationDays.SingleOrDefaultAsync(d => d.BillDate == billDate, ct);
        if (day is null)
        {
            db.ReconciliationDays.Add(new ReconciliationDay(billDate, result, sha1, now));
            await SaveIgnoringDuplicateAsync(ct);
        }
        else if (day.Sha1 == NoBillSha1 && sha1 != NoBillSha1)
        {
            // Recorded as a day without a bill, and WeChat has published one since: its figures replace the zeros.
            day.BillArrived(result, sha1, now);
            await db.SaveChangesAsync(ct);
        }
        logger.LogInformation("Reconciled {BillDate}: {Rows} bill rows, {Found} differences ({New} new), {Healed} healed",
            billDate, result.Rows, result.Discrepancies.Count, inserted, healed);
        return new ReconcileOutcome(billDate, ReconcileStatus.Reconciled, null, result.Rows, result.Discrepancies.Count, inserted, healed);
    }

    /// <summary>
    /// Stores the differences not yet recorded for the day, with the notices about them in the same transaction. A
    /// concurrent run that stored them first makes the unique index refuse ours; then nothing of ours is kept.
    /// </summary>
    private async Task<int> InsertNewAsync(DateOnly billDate, IReadOnlyList<FoundDiscrepancy> found, DateTimeOffset now, CancellationToken ct)
    {
        var known = (await db.ReconciliationDiscrepancies.AsNoTracking().Where(d => d.BillDate == billDate)
            .Select(d => new { d.Kind, d.Reference }).ToListAsync(ct)).Select(d => (d.Kind, d.Reference)).ToHashSet();
        var fresh = found.Where(f => !known.Contains((f.Kind, f.Reference)))
            .Select(f => new ReconciliationDiscrepancy(billDate, f, now)).ToList();
        if (fresh.Count == 0)
            return 0;
        db.ReconciliationDiscrepancies.AddRange(fresh);
        await NotifyAsync(billDate, fresh, ct);
        if (!await SaveIgnoringDuplicateAsync(ct))
            return 0;
        // Counted once, by the run that stored them; a concurrent run's duplicates were refused above.
        foreach (var kind in fresh.GroupBy(d => d.Kind))
            metrics.DiscrepanciesFound(kind.Key, kind.Count());
        return fresh.Count;
    }

    /// <summary>
    /// Credits what WeChat has paid and we have not, through the same exactly-once path as notifications. Orders we never
    /// created are left to the finance officer (there is nothing to credit). Retried on every run until it succeeds.
    /// </summary>
    private async Task<int> HealAsync(DateOnly billDate, IReadOnlyList<FoundDiscrepancy> found, CancellationToken ct)
    {
        var healable = found.Where(f => f is { Kind: DiscrepancyKind.PaidAtWeChatNotWithUs, Ours: not null, HealFrom: not null }).ToList();
        if (healable.Count == 0)
            return 0;
        var healed = 0;
        foreach (var f in healable)
        {
            if (!await db.ReconciliationDiscrepancies.AnyAsync(d => d.BillDate == billDate && d.Kind == f.Kind && d.Reference == f.Reference && !d.Healed, ct))
                continue;
            var row = f.HealFrom!;
            var outcome = await settlement.ApplyTransactionAsync(new PayTransaction
            {
                AppId = row.AppId,
                MchId = row.MchId,
                OutTradeNo = row.OutTradeNo,
                TransactionId = row.TransactionId,
                TradeType = row.TradeType,
                TradeState = TradeStates.Success,
                BankType = row.BankType,
                Attach = row.Attach,
                SuccessTime = row.TradeTime.ToUniversalTime(),
                Payer = new PayTransactionPayer { OpenId = row.OpenId },
                Amount = new PayTransactionAmount { TotalFen = row.TotalFen, PayerTotalFen = row.TotalFen - row.CouponFen, Currency = row.Currency },
            }, SettlementSource.Reconciliation, ct: ct);
            if (outcome is not (SettlementOutcome.Credited or SettlementOutcome.AlreadyApplied))
            {
                logger.LogWarning("Could not heal {OutTradeNo} from the bill of {BillDate}: {Outcome}", f.Reference, billDate, outcome);
                continue;
            }
            // Loaded after the settlement, which runs its own unit of work on this context and may clear what it tracks.
            var record = await db.ReconciliationDiscrepancies.SingleAsync(d => d.BillDate == billDate && d.Kind == f.Kind && d.Reference == f.Reference, ct);
            record.MarkHealed(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            healed++;
        }
        return healed;
    }

    /// <summary>One line per community, owner and purpose; the same figures leave existing lines untouched.</summary>
    private async Task WriteReportAsync(DateOnly billDate, BillMatchResult result, CancellationToken ct)
    {
        var lines = await db.ReconciliationReportLines.Where(l => l.BillDate == billDate).ToListAsync(ct);
        var byKey = lines.ToDictionary(l => new ReportKey(l.CommunityId, l.Owner, l.Purpose));
        var discrepancyCounts = (await db.ReconciliationDiscrepancies.AsNoTracking()
                .Where(d => d.BillDate == billDate && d.CommunityId != null)
                .GroupBy(d => new { d.CommunityId, d.Owner, d.Purpose })
                .Select(g => new { g.Key.CommunityId, g.Key.Owner, g.Key.Purpose, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => new ReportKey(g.CommunityId!.Value, g.Owner!.Value, g.Purpose!), g => g.Count);
        foreach (var key in result.Report.Keys.Union(discrepancyCounts.Keys))
        {
            if (!byKey.TryGetValue(key, out var line))
                db.ReconciliationReportLines.Add(line = new ReconciliationReportLine(billDate, key));
            line.Set(result.Report.GetValueOrDefault(key) ?? new ReportTotals(), discrepancyCounts.GetValueOrDefault(key));
        }
        await SaveIgnoringDuplicateAsync(ct);
    }

    /// <summary>
    /// The committee (owners' money) or the property company (service money) of each community hears of new
    /// differences; finance officers hear of all of them.
    /// </summary>
    private async Task NotifyAsync(DateOnly billDate, List<ReconciliationDiscrepancy> fresh, CancellationToken ct)
    {
        var communityIds = fresh.Where(d => d.CommunityId is not null).Select(d => d.CommunityId!.Value).Distinct().ToList();
        var companies = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.PropertyCompanyId, ct);
        foreach (var group in fresh.Where(d => d.CommunityId is not null).GroupBy(d => (d.CommunityId!.Value, d.Owner!.Value)))
        {
            var (communityId, owner) = group.Key;
            var payload = new { billDate, communityId, owner, count = group.Count(), kinds = group.Select(d => d.Kind).Distinct().ToArray() };
            if (owner == MoneyOwner.Owners)
            {
                outbox.Add(DiscrepanciesEvent, Audience.RoleHolders(Role.CommitteeMember, communityId), payload);
                outbox.Add(DiscrepanciesEvent, Audience.RoleHolders(Role.CommitteeChair, communityId), payload);
            }
            else if (companies.GetValueOrDefault(communityId) is { } companyId)
            {
                outbox.Add(DiscrepanciesEvent, Audience.RoleHolders(Role.PropertyStaff, companyId), payload);
            }
        }
        outbox.Add(DiscrepanciesEvent, Audience.RoleHolders(Role.FinanceOfficer, null),
            new { billDate, count = fresh.Count, kinds = fresh.Select(d => d.Kind).Distinct().ToArray() });
    }

    /// <summary>False when a concurrent run of the same day stored the same rows first (then ours are dropped).</summary>
    private async Task<bool> SaveIgnoringDuplicateAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e))
        {
            logger.LogInformation("Another run stored the same reconciliation rows first");
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
