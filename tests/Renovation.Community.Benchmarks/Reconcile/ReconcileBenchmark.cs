using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Payments.Reconciliation;
using Renovation.Community.WeChat.Bills;

namespace Renovation.Community.Benchmarks.Reconcile;

/// <summary>
/// Reconciles a trade bill of N rows against N payments in MariaDB with planted differences (<see cref="ReconcileWorld"/>)
/// and checks that exactly the planted ones are found. Runs 100,000 and 1,000,000 by default (or the sizes given) so
/// that peak managed memory can be compared: the matcher should need about the same at both sizes.
/// What is timed is <see cref="BillMatcher.MatchAsync"/> over the bill file on disk: parsing, the batched look-ups,
/// the fingerprints and the second pass. Seeding and writing the bill are not timed.
/// Needs RC_BENCH_MYSQL (a server connection string); scripts/bench.sh provides a throwaway MariaDB.
/// </summary>
public static class ReconcileBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100_000, 1_000_000];
        var server = Environment.GetEnvironmentVariable("RC_BENCH_MYSQL")
            ?? throw new InvalidOperationException("Set RC_BENCH_MYSQL, or run ./scripts/bench.sh reconcile");
        var database = $"rc_bench_{Guid.NewGuid():N}";
        // Local infile only for seeding this throwaway database fast; the API never needs it.
        var connectionString = new MySqlConnectionStringBuilder(server) { Database = database, AllowLoadLocalInfile = true }.ConnectionString;
        var options = new DbContextOptionsBuilder<MySqlAppDbContext>().UseMySqlStore(connectionString).Options;
        try
        {
            await using (var db = new MySqlAppDbContext(options))
                await db.Database.EnsureCreatedAsync();
            var failed = false;
            // A small unreported round first, so that JIT tiering does not land inside the first measured size.
            foreach (var (rows, report) in sizes.Select(s => (s, true)).Prepend((20_000, false)))
                failed |= !await MeasureAsync(options, connectionString, rows, report);
            return failed ? 1 : 0;
        }
        finally
        {
            await using var connection = new MySqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{database}`", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<bool> MeasureAsync(DbContextOptions<MySqlAppDbContext> options, string connectionString, int rows, bool report)
    {
        var world = new ReconcileWorld(rows);
        if (report)
            Console.WriteLine($"Seeding {rows} payments and writing the bill…");
        await world.SeedAsync(connectionString);
        var bill = Path.Combine(Path.GetTempPath(), $"reconcile-{rows}-{Environment.ProcessId}.csv");
        try
        {
            await world.WriteBillAsync(bill);
            // The baseline, measured in the same run on the same file: parsing the bill alone (no database), the part of
            // matching that cannot be avoided. ratio = baseline seconds / matching seconds (1 = matching costs no more).
            var (_, baseline, _) = await TimeAsync(async () =>
            {
                await using var file = new FileStream(bill, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                using var reader = new TradeBillReader(file);
                while (await reader.ReadAsync() is not null)
                {
                }
                return reader.RowCount;
            });
            // A second baseline: reading the day's paid payments once, ordered by out_trade_no, with no matching.
            var (_, scan, _) = await TimeAsync(() => ScanOursAsync(connectionString, "ORDER BY OutTradeNo COLLATE utf8mb4_bin"));

            await using var db = new MySqlAppDbContext(options);
            var phases = new List<string>();
            var (result, seconds, peakMb) = await TimeAsync(() => new BillMatcher(db) { Phase = (name, took) => phases.Add($"{name}={took.TotalSeconds:0.000}") }.MatchAsync(
                () => new FileStream(bill, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), ReconcileWorld.BillDate));
            if (report)
                Console.WriteLine("phases: " + string.Join(' ', phases));

            var expected = world.Expected;
            var found = result.Discrepancies.Select(d => (d.Kind, d.Reference)).ToHashSet();
            var missed = expected.Where(e => !found.Contains(e)).ToList();
            var extra = found.Where(f => !expected.Contains(f)).ToList();
            if (!report)
                return missed.Count == 0 && extra.Count == 0;
            foreach (var (kind, reference) in missed.Take(10))
                Console.WriteLine($"missed: {kind} {reference}");
            foreach (var (kind, reference) in extra.Take(10))
                Console.WriteLine($"not planted: {kind} {reference}");
            Console.WriteLine(string.Join(", ", result.Discrepancies.GroupBy(d => d.Kind).Select(g => $"{g.Key}={g.Count()}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT reconcile rows={result.Rows} discrepancies_expected={expected.Count} discrepancies_found={found.Count - extra.Count} " +
                $"not_planted={extra.Count} seconds={seconds:0.000} rows_per_s={result.Rows / seconds:0} peak_managed_mb={peakMb:0.0} " +
                $"parse_only_seconds={baseline:0.000} ratio={baseline / seconds:0.00} seconds_per_parse={seconds / baseline:0.0} " +
                $"db_scan_seconds={scan:0.000}"));
            return missed.Count == 0 && extra.Count == 0;
        }
        finally
        {
            File.Delete(bill);
        }
    }

    private static async Task<long> ScanOursAsync(string connectionString, string order)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(
            "SELECT Id, OutTradeNo, AmountFen, CommunityId, Owner, Purpose, PaidAt FROM Payments WHERE State = 2 " + order, connection);
        await using var reader = await command.ExecuteReaderAsync();
        long count = 0;
        while (await reader.ReadAsync())
            count++;
        return count;
    }

    /// <summary>Runs <paramref name="work"/> while sampling the managed heap every 5 ms (as bill-parse does).</summary>
    private static async Task<(T Result, double Seconds, double PeakMb)> TimeAsync<T>(Func<Task<T>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long peak = GC.GetTotalMemory(forceFullCollection: true);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5);
            }
        });
        var stopwatch = Stopwatch.StartNew();
        var result = await work();
        stopwatch.Stop();
        await sampling.CancelAsync();
        await sampler;
        return (result, stopwatch.Elapsed.TotalSeconds, peak / 1048576.0);
    }
}
