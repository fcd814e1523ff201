using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Renovation.Community.Api.Common.Payments;
using Renovation.Community.Api.Common.Time;
using Renovation.Community.Api.Data;
using Renovation.Community.WeChat.Bills;
using Renovation.Community.WeChat.Pay.Orders;

namespace Renovation.Community.Api.Features.Payments.Reconciliation;

/// <summary>
/// Matches a trade bill against our payments and refunds in constant memory, whatever the bill's size:
/// <list type="number">
/// <item>The bill is read as a stream; rows go in batches of <see cref="BatchSize"/> to one look-up of our records by
/// order (and refund) number, which finds every difference a row can show by itself: unknown or unpaid with us,
/// another amount, another state, a refund we do not have.</item>
/// <item>What no row can show — an order we credited that the bill never mentions, a row written twice — needs the
/// set of all numbers on each side. Instead of holding it, both sides are folded into a <see cref="KeyFingerprint"/>
/// (the bill while reading, ours by streaming the day's paid orders); only buckets that differ are read again,
/// exactly, from a second pass over the file (reading only the numbers, <see cref="BillKeyScanner"/>) and our records.</item>
/// </list>
/// The database does indexed look-ups only (unique out_trade_no / out_refund_no, and (State, PaidAt)); nothing is
/// written here. Finding is separate from acting (<see cref="DailyReconciliation"/> stores, heals and notifies).
/// </summary>
public sealed class BillMatcher(AppDbContext db)
{
    public const int BatchSize = 2000;

    /// <param name="openBill">Opens the downloaded bill; called once, or twice when a second pass is needed. Null when
    /// WeChat has no bill for the day (no transactions): every payment and refund we settled that day is then missing.</param>
    public async Task<BillMatchResult> MatchAsync(Func<Stream>? openBill, DateOnly billDate, CancellationToken ct = default)
    {
        var run = new Run(billDate);
        TradeBillSummary summary = new();
        long rows = 0;
        if (openBill is not null)
            (summary, rows) = await MatchRowsAsync(openBill, run, ct);

        var (from, to) = DayBounds(billDate);
        var ourPayments = new KeyFingerprint();
        await foreach (var key in PaidKeys(from, to, ct))
            ourPayments.Add(key);
        var ourRefunds = new KeyFingerprint();
        await foreach (var key in RefundedKeys(from, to, ct))
            ourRefunds.Add(key);

        var paymentBuckets = run.BillPayments.DifferingBuckets(ourPayments);
        var refundBuckets = run.BillRefunds.DifferingBuckets(ourRefunds);
        if (paymentBuckets.Count > 0 || refundBuckets.Count > 0)
            await SecondPassAsync(openBill, run, paymentBuckets, refundBuckets, from, to, ct);

        return new BillMatchResult(rows, summary, run.Found, run.Report);
    }

    private async Task<(TradeBillSummary, long)> MatchRowsAsync(Func<Stream> openBill, Run run, CancellationToken ct)
    {
        // Parsing (CPU) and the look-ups (database) overlap: the reader fills the next batch while the last one is matched.
        var batches = Channel.CreateBounded<List<TradeBillRow>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        await using (var stream = openBill())
        using (var reader = new TradeBillReader(stream))
        {
            var producer = Task.Run(async () =>
            {
                try
                {
                    var batch = new List<TradeBillRow>(BatchSize);
                    while (await reader.ReadAsync(ct) is { } row)
                    {
                        batch.Add(row);
                        if (batch.Count == BatchSize)
                        {
                            await batches.Writer.WriteAsync(batch, ct);
                            batch = new List<TradeBillRow>(BatchSize);
                        }
                    }
                    await batches.Writer.WriteAsync(batch, ct);
                    batches.Writer.Complete();
                }
                catch (Exception e)
                {
                    batches.Writer.Complete(e);
                }
            }, ct);
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                await MatchBatchAsync(batch, run, ct);
            await producer;
            return (reader.Summary!, reader.RowCount);
        }
    }

    /// <summary>China Standard Time midnight to midnight: WeChat cuts bills by Beijing time.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) DayBounds(DateOnly billDate)
    {
        var from = new DateTimeOffset(billDate.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        return (from, from.AddDays(1));
    }

    private async Task MatchBatchAsync(List<TradeBillRow> batch, Run run, CancellationToken ct)
    {
        if (batch.Count == 0)
            return;
        var tradeNos = batch.Where(r => r.TradeState != TradeStates.Refund).Select(r => r.OutTradeNo).Distinct().ToList();
        var refundNos = batch.Where(r => r.TradeState == TradeStates.Refund).Select(r => r.OutRefundNo).Distinct().ToList();
        var payments = tradeNos.Count == 0 ? [] : await FindPaymentsAsync(tradeNos, ct);
        var refunds = refundNos.Count == 0 ? [] : await FindRefundsAsync(refundNos, ct);
        foreach (var row in batch)
        {
            if (row.TradeState == TradeStates.Refund)
                MatchRefund(row, refunds.GetValueOrDefault(row.OutRefundNo), run);
            else
                MatchPayment(row, payments.GetValueOrDefault(row.OutTradeNo), run);
        }
    }

    private static void MatchPayment(TradeBillRow row, OurRecord? ours, Run run)
    {
        run.BillPayments.Add(row.OutTradeNo);
        if (row.TradeState == TradeStates.Success)
        {
            if (ours is null || !ours.Settled)
                run.Add(new FoundDiscrepancy(DiscrepancyKind.PaidAtWeChatNotWithUs, row.OutTradeNo, row.OutTradeNo, row.LineNumber,
                    row.TradeState, row.TotalFen, ours, HealFrom: row));
            else if (ours.AmountFen != row.TotalFen)
                run.Add(new FoundDiscrepancy(DiscrepancyKind.AmountMismatch, row.OutTradeNo, row.OutTradeNo, row.LineNumber,
                    row.TradeState, row.TotalFen, ours));
            if (ours is not null)
            {
                var totals = run.Totals(ours.ReportKey);
                totals.PaidCount++;
                totals.PaidFen += row.TotalFen;
                totals.FeeMilliFen += row.FeeMilliFen;
            }
        }
        else if (ours is { Settled: true })
        {
            // REVOKED (or a state we do not know) for money we credited.
            run.Add(new FoundDiscrepancy(DiscrepancyKind.StateMismatch, row.OutTradeNo, row.OutTradeNo, row.LineNumber,
                row.TradeState, row.TotalFen, ours));
        }
    }

    private static void MatchRefund(TradeBillRow row, OurRecord? ours, Run run)
    {
        run.BillRefunds.Add(row.OutRefundNo);
        if (ours is null || !ours.Settled || ours.AmountFen != row.RefundFen)
            run.Add(new FoundDiscrepancy(DiscrepancyKind.RefundMismatch, row.OutRefundNo, row.OutTradeNo, row.LineNumber,
                row.RefundStatus is { Length: > 0 } status ? status : row.TradeState, row.RefundFen, ours));
        if (ours is not null)
        {
            var totals = run.Totals(ours.ReportKey);
            totals.RefundCount++;
            totals.RefundFen += row.RefundFen;
            totals.FeeMilliFen += row.FeeMilliFen;
        }
    }

    /// <summary>Exact comparison, restricted to the buckets whose fingerprints differ.</summary>
    private async Task SecondPassAsync(Func<Stream>? openBill, Run run, HashSet<int> paymentBuckets, HashSet<int> refundBuckets,
        DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var billPayments = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var billRefunds = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var refundTradeNos = new Dictionary<string, string>(StringComparer.Ordinal);
        // No bill (a day without transactions) reads as an empty file: every one of ours is then missing from it.
        await using (var stream = openBill?.Invoke() ?? Stream.Null)
        {
            await foreach (var row in BillKeyScanner.ScanAsync(stream, ct))
            {
                var key = row.IsRefund ? row.OutRefundNo : row.OutTradeNo;
                if (!(row.IsRefund ? refundBuckets : paymentBuckets).Contains(KeyFingerprint.Bucket(key)))
                    continue;
                var lines = row.IsRefund ? billRefunds : billPayments;
                if (!lines.TryGetValue(key, out var list))
                    lines[key] = list = [];
                list.Add(row.LineNumber);
                if (row.IsRefund)
                    refundTradeNos[key] = row.OutTradeNo;
            }
        }

        foreach (var (key, lines) in billPayments.Where(p => p.Value.Count > 1))
            run.Add(new FoundDiscrepancy(DiscrepancyKind.DuplicateRow, key, key, lines[1], null, null, null));
        foreach (var (key, lines) in billRefunds.Where(p => p.Value.Count > 1))
            run.Add(new FoundDiscrepancy(DiscrepancyKind.DuplicateRow, key, refundTradeNos[key], lines[1], null, null, null));

        var missingPayments = new List<string>();
        await foreach (var key in PaidKeys(from, to, ct))
        {
            if (paymentBuckets.Contains(KeyFingerprint.Bucket(key)) && !billPayments.ContainsKey(key))
                missingPayments.Add(key);
        }
        var missingRefunds = new List<string>();
        await foreach (var key in RefundedKeys(from, to, ct))
        {
            if (refundBuckets.Contains(KeyFingerprint.Bucket(key)) && !billRefunds.ContainsKey(key))
                missingRefunds.Add(key);
        }
        foreach (var chunk in missingPayments.Chunk(BatchSize))
        {
            foreach (var ours in (await FindPaymentsAsync(chunk, ct)).Values)
                run.Add(new FoundDiscrepancy(DiscrepancyKind.PaidWithUsMissingFromBill, ours.Reference, ours.OutTradeNo, null, null, null, ours));
        }
        foreach (var chunk in missingRefunds.Chunk(BatchSize))
        {
            foreach (var ours in (await FindRefundsAsync(chunk, ct)).Values)
                run.Add(new FoundDiscrepancy(DiscrepancyKind.RefundMismatch, ours.Reference, ours.OutTradeNo, null, null, null, ours));
        }
    }

    /// <summary>
    /// Our payments credited within the day. The range asked of the database is 8 hours wider and the exact instant is
    /// checked here: times that keep WeChat's +08:00 offset sort by local time in SQLite's binary form, UTC ones by UTC,
    /// and both must be found.
    /// </summary>
    private async IAsyncEnumerable<string> PaidKeys(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken ct)
    {
        var until = to.AddHours(8);
        var rows = db.Payments.AsNoTracking().Where(p => p.State == PaymentState.Paid && p.PaidAt >= from && p.PaidAt < until)
            .Select(p => new { p.OutTradeNo, p.PaidAt }).AsAsyncEnumerable().WithCancellation(ct);
        await foreach (var row in rows)
        {
            if (row.PaidAt >= from && row.PaidAt < to)
                yield return row.OutTradeNo;
        }
    }

    /// <summary>Our refunds that succeeded within the day (the same wider range as <see cref="PaidKeys"/>).</summary>
    private async IAsyncEnumerable<string> RefundedKeys(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken ct)
    {
        var until = to.AddHours(8);
        var rows = db.PaymentRefunds.AsNoTracking().Where(r => r.State == RefundState.Succeeded && r.SucceededAt >= from && r.SucceededAt < until)
            .Select(r => new { r.OutRefundNo, r.SucceededAt }).AsAsyncEnumerable().WithCancellation(ct);
        await foreach (var row in rows)
        {
            if (row.SucceededAt >= from && row.SucceededAt < to)
                yield return row.OutRefundNo;
        }
    }

    private Task<Dictionary<string, OurRecord>> FindPaymentsAsync(IReadOnlyCollection<string> tradeNos, CancellationToken ct) =>
        LookUpAsync(
            "SELECT p.Id, p.OutTradeNo, p.OutTradeNo, p.AmountFen, p.State, p.CommunityId, p.Owner, p.Purpose FROM Payments p WHERE p.OutTradeNo IN ({0})",
            tradeNos, state => ((PaymentState)state, (PaymentState)state == PaymentState.Paid), ct);

    private Task<Dictionary<string, OurRecord>> FindRefundsAsync(IReadOnlyCollection<string> refundNos, CancellationToken ct) =>
        LookUpAsync(
            "SELECT p.Id, r.OutRefundNo, p.OutTradeNo, r.AmountFen, r.State, p.CommunityId, p.Owner, p.Purpose " +
            "FROM PaymentRefunds r JOIN Payments p ON p.Id = r.PaymentId WHERE r.OutRefundNo IN ({0})",
            refundNos, state => ((RefundState)state, (RefundState)state == RefundState.Succeeded), ct);

    /// <summary>
    /// One indexed look-up of a batch of numbers. Plain ADO.NET on purpose: through EF a 2,000-value Contains is
    /// re-translated on every call (different values) and costed ten times the query itself (measured with the
    /// reconcile benchmark). Values are parameters; only the placeholders are formatted into the SQL.
    /// </summary>
    private async Task<Dictionary<string, OurRecord>> LookUpAsync<TState>(string sql, IReadOnlyCollection<string> keys,
        Func<int, (TState State, bool Settled)> state, CancellationToken ct) where TState : struct, Enum
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var names = new string[keys.Count];
        var n = 0;
        foreach (var key in keys)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[n] = $"@k{n}";
            parameter.Value = key;
            command.Parameters.Add(parameter);
            n++;
        }
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, string.Join(',', names));
        var found = new Dictionary<string, OurRecord>(keys.Count, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (ourState, settled) = state(reader.GetInt32(4));
            var reference = reader.GetString(1);
            found[reference] = new OurRecord(reader.GetGuid(0), reference, reader.GetString(2), reader.GetInt64(3), settled, ourState.ToString(),
                reader.GetGuid(5), (MoneyOwner)reader.GetInt32(6), reader.GetString(7));
        }
        return found;
    }

    /// <summary>State of one match: fingerprints, report totals and the differences found so far (once each).</summary>
    private sealed class Run(DateOnly billDate)
    {
        private readonly HashSet<(DiscrepancyKind, string)> _seen = [];
        private readonly Dictionary<ReportKey, ReportTotals> _report = [];

        public DateOnly BillDate { get; } = billDate;
        public KeyFingerprint BillPayments { get; } = new();
        public KeyFingerprint BillRefunds { get; } = new();
        public List<FoundDiscrepancy> Found { get; } = [];
        public IReadOnlyDictionary<ReportKey, ReportTotals> Report => _report;

        public void Add(FoundDiscrepancy found)
        {
            if (_seen.Add((found.Kind, found.Reference)))
                Found.Add(found);
        }

        public ReportTotals Totals(ReportKey key)
        {
            if (!_report.TryGetValue(key, out var totals))
                _report[key] = totals = new ReportTotals();
            return totals;
        }
    }
}
