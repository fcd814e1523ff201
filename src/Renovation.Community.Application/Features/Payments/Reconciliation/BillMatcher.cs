using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;
using Renovation.Community.WeChat.Bills;
using Renovation.Community.WeChat.Pay.Orders;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

/// <summary>
/// Matches a trade bill against our payments and refunds as a merge join of two ordered streams, in constant memory
/// whatever the bill's size:
/// <list type="number">
/// <item>The bill is stream-parsed once and sorted externally by order number (refund rows by refund number) into
/// bounded run files (<see cref="SortedBill"/>).</item>
/// <item>The day's paid payments (and succeeded refunds) are read ONCE from the database, ordered by the same numbers
/// (binary collation, so that the database and ordinal string order agree), without tracking and only the columns
/// matching needs.</item>
/// <item>Walking both in step finds, in one pass: a row matching one of ours (amount or state differs?), a number of
/// ours no row mentions (missing from the bill) and equal neighbours in the bill (a duplicated row).</item>
/// <item>Rows matching none of the day's records (unknown orders, orders unpaid with us or paid on another day) are
/// rare; they are set aside in sorted order and looked up by number afterwards, <see cref="BatchSize"/> at a time.</item>
/// </list>
/// Nothing is written here. Finding is separate from acting (<see cref="DailyReconciliation"/> stores, heals and notifies).
/// </summary>
public sealed class BillMatcher(AppDbContext db)
{
    public const int BatchSize = 2000;

    /// <summary>Told how long each phase took (read and sort the bill, merge payments, merge refunds, look up the rows
    /// matching none of the day's records): for the benchmark.</summary>
    public Action<string, TimeSpan>? Phase { get; init; }

    private static readonly string PaidState = PaymentState.Paid.ToString();
    private static readonly string SucceededState = RefundState.Succeeded.ToString();

    /// <param name="openBill">Opens the downloaded bill; called once. Null when WeChat has no bill for the day (no
    /// transactions): every payment and refund we settled that day is then missing.</param>
    public async Task<BillMatchResult> MatchAsync(Func<Stream>? openBill, DateOnly billDate, CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Done(string name)
        {
            Phase?.Invoke(name, clock.Elapsed);
            clock.Restart();
        }
        var run = new Run(billDate);
        var (from, to) = DayBounds(billDate);
        TradeBillSummary summary = new();
        long rows = 0;
        await using var payments = new SortedBill(byRefund: false);
        await using var refunds = new SortedBill(byRefund: true);
        await using var unmatchedPayments = new SortedBill(byRefund: false);
        // One connection for the whole match, opened here so that the session setting below holds for the query.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var ourPayments = await OpenPaidInDayAsync(from, to, ct))
            {
                if (openBill is not null)
                {
                    await using var stream = openBill();
                    using var reader = new TradeBillReader(stream);
                    while (await reader.ReadAsync(ct) is { } row)
                        await (row.TradeState == TradeStates.Refund ? refunds : payments).AddAsync(row);
                    (summary, rows) = (reader.Summary!, reader.RowCount);
                }
                Done("read_sort");
                await MergeAsync(payments, ourPayments.ReadAllAsync(ct), unmatchedPayments, run, isRefund: false, ct);
                Done("merge_payments");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        await using var unmatchedRefunds = new SortedBill(byRefund: true);
        await MergeAsync(refunds, RefundedInDay(from, to, ct), unmatchedRefunds, run, isRefund: true, ct);
        Done("merge_refunds");

        await foreach (var batch in Batches(unmatchedPayments, ct))
        {
            var ours = await FindPaymentsAsync(batch.Select(r => r.OutTradeNo).Distinct().ToList(), ct);
            foreach (var row in batch)
                MatchPayment(row, ours.GetValueOrDefault(row.OutTradeNo), run);
        }
        await foreach (var batch in Batches(unmatchedRefunds, ct))
        {
            var ours = await FindRefundsAsync(batch.Select(r => r.OutRefundNo).Distinct().ToList(), ct);
            foreach (var row in batch)
                MatchRefund(row, ours.GetValueOrDefault(row.OutRefundNo), run);
        }
        Done("look_up_unmatched");
        return new BillMatchResult(rows, summary, run.Found, run.Report);
    }

    /// <summary>The merge join of one bill side with our records of the day, both ordered by the same number.</summary>
    private static async Task MergeAsync(SortedBill bill, IAsyncEnumerable<OurRecord> ourRecords, SortedBill unmatched, Run run,
        bool isRefund, CancellationToken ct)
    {
        await using var ours = ourRecords.GetAsyncEnumerator(ct);
        var current = await NextAsync(ours, null);
        var currentInBill = false;
        string? previousKey = null;
        await foreach (var row in bill.ReadAsync().WithCancellation(ct))
        {
            var key = isRefund ? row.OutRefundNo : row.OutTradeNo;
            if (key == previousKey)
                run.Add(new FoundDiscrepancy(DiscrepancyKind.DuplicateRow, key, row.OutTradeNo, row.LineNumber, null, null, null));
            previousKey = key;
            while (current is not null && string.CompareOrdinal(current.Reference, key) < 0)
            {
                if (!currentInBill)
                    run.Add(MissingFromBill(current, isRefund));
                (current, currentInBill) = (await NextAsync(ours, current), false);
            }
            if (current is not null && current.Reference == key)
            {
                currentInBill = true;
                if (isRefund)
                    MatchRefund(row, current, run);
                else
                    MatchPayment(row, current, run);
            }
            else
            {
                await unmatched.AddAsync(row);
            }
        }
        while (current is not null)
        {
            if (!currentInBill)
                run.Add(MissingFromBill(current, isRefund));
            (current, currentInBill) = (await NextAsync(ours, current), false);
        }
    }

    private static FoundDiscrepancy MissingFromBill(OurRecord ours, bool isRefund) =>
        new(isRefund ? DiscrepancyKind.RefundMismatch : DiscrepancyKind.PaidWithUsMissingFromBill, ours.Reference, ours.OutTradeNo,
            null, null, null, ours);

    /// <summary>The next of our records; refuses an order the merge cannot use rather than report false differences.</summary>
    private static async Task<OurRecord?> NextAsync(IAsyncEnumerator<OurRecord> ours, OurRecord? previous)
    {
        if (!await ours.MoveNextAsync())
            return null;
        if (previous is not null && string.CompareOrdinal(previous.Reference, ours.Current.Reference) >= 0)
            throw new InvalidOperationException(
                $"The database returned {ours.Current.Reference} after {previous.Reference}: its order is not ordinal, the merge join cannot run.");
        return ours.Current;
    }

    private static async IAsyncEnumerable<List<TradeBillRow>> Batches(SortedBill rows, [EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new List<TradeBillRow>(BatchSize);
        await foreach (var row in rows.ReadAsync().WithCancellation(ct))
        {
            batch.Add(row);
            if (batch.Count == BatchSize)
            {
                yield return batch;
                batch = new List<TradeBillRow>(BatchSize);
            }
        }
        if (batch.Count > 0)
            yield return batch;
    }

    /// <summary>China Standard Time midnight to midnight: WeChat cuts bills by Beijing time.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) DayBounds(DateOnly billDate)
    {
        var from = new DateTimeOffset(billDate.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        return (from, from.AddDays(1));
    }

    private static void MatchPayment(TradeBillRow row, OurRecord? ours, Run run)
    {
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

    /// <summary>The binary collation of each provider: the order the merge join needs (ordinal, for ASCII numbers).</summary>
    private string BinaryCollation => db.Database.IsSqlite() ? "BINARY" : "utf8mb4_bin";

    /// <summary>
    /// Starts reading <see cref="PaidInDay"/> on its own task (<see cref="ReadAhead{T}"/>), before the bill is read: the
    /// database sorts the day's payments while we parse and sort the bill. Its rows then wait in the socket until the
    /// merge reads them, so on MariaDB the session's <c>net_write_timeout</c> (60 s by default) is raised for this
    /// connection to cover reading even a very large bill, and its <c>sort_buffer_size</c> (2 MB by default) to 32 MB so
    /// that sorting a day of payments by number takes one merge pass instead of many; the pool resets both when the
    /// connection is returned.
    /// </summary>
    private async Task<ReadAhead<OurRecord>> OpenPaidInDayAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("SET SESSION net_write_timeout = 3600, sort_buffer_size = 33554432", ct);
        return new ReadAhead<OurRecord>(PaidInDay(from, to, ct), ct);
    }

    /// <summary>
    /// Our payments credited within the day, by out_trade_no. The range asked of the database is 8 hours wider and the
    /// exact instant is checked here: times that keep WeChat's +08:00 offset sort by local time in SQLite's binary form,
    /// UTC ones by UTC, and both must be found.
    /// </summary>
    private IAsyncEnumerable<OurRecord> PaidInDay(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var until = to.AddHours(8);
        var collation = BinaryCollation;
        var query = db.Payments.AsNoTracking()
            .Where(p => p.State == PaymentState.Paid && p.PaidAt >= from && p.PaidAt < until)
            .OrderBy(p => EF.Functions.Collate(p.OutTradeNo, collation))
            .Select(p => new { p.Id, p.OutTradeNo, p.AmountFen, p.CommunityId, p.Owner, p.Purpose, p.PaidAt });
        return StreamAsync(query, r => ReadTime(r, 6) is var at && at >= from && at < to
            ? new OurRecord(r.GetGuid(0), r.GetString(1), r.GetString(1), r.GetInt64(2), true, PaidState, r.GetGuid(3),
                (MoneyOwner)r.GetInt32(4), r.GetString(5))
            : null, ct);
    }

    /// <summary>Our refunds that succeeded within the day, by out_refund_no (the same wider range as <see cref="PaidInDay"/>).</summary>
    private IAsyncEnumerable<OurRecord> RefundedInDay(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var until = to.AddHours(8);
        var collation = BinaryCollation;
        var query = db.PaymentRefunds.AsNoTracking()
            .Where(r => r.State == RefundState.Succeeded && r.SucceededAt >= from && r.SucceededAt < until)
            .Join(db.Payments, r => r.PaymentId, p => p.Id, (r, p) => new
            {
                PaymentId = p.Id, r.OutRefundNo, p.OutTradeNo, r.AmountFen, p.CommunityId, p.Owner, p.Purpose, r.SucceededAt,
            })
            .OrderBy(x => EF.Functions.Collate(x.OutRefundNo, collation));
        return StreamAsync(query, r => ReadTime(r, 7) is var at && at >= from && at < to
            ? new OurRecord(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt64(3), true, SucceededState, r.GetGuid(4),
                (MoneyOwner)r.GetInt32(5), r.GetString(6))
            : null, ct);
    }

    /// <summary>
    /// Runs EF's translation of <paramref name="query"/> with a plain data reader, reading the columns in the order the
    /// projection names them. Streamed for real: through EF, a query under the retrying execution strategy (MariaDB's)
    /// is buffered whole before its first row, which for a day's payments is the whole day in memory; and materialising
    /// through EF cost as much again as the database's own scan (reconcile benchmark).
    /// </summary>
    private async IAsyncEnumerable<OurRecord> StreamAsync<T>(IQueryable<T> query, Func<DbDataReader, OurRecord?> read,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = query.CreateDbCommand();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (read(reader) is { } record)
                    yield return record;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A stored timestamp as EF writes it: UTC datetime(6) on MariaDB, EF's binary form on SQLite.</summary>
    private DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => _sqlite
        ? (DateTimeOffset)BinaryTime.ConvertFromProvider(reader.GetInt64(ordinal))!
        : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    private readonly bool _sqlite = db.Database.IsSqlite();

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter BinaryTime = new();

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

    /// <summary>State of one match: report totals and the differences found so far (once each).</summary>
    private sealed class Run(DateOnly billDate)
    {
        private readonly HashSet<(DiscrepancyKind, string)> _seen = [];
        private readonly Dictionary<ReportKey, ReportTotals> _report = [];

        public DateOnly BillDate { get; } = billDate;
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
