using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using MySqlConnector;
using Renovation.Community.Benchmarks.VoteStorm;
using Renovation.Community.WeChatSimulator;

namespace Renovation.Community.Benchmarks;

/// <summary>
/// N awaiting payments on MariaDB; each is notified TWICE at the same moment (two identical TRANSACTION.SUCCESS
/// posts, encrypted and signed for real by the simulator's keys) through the API's notify URL. Then the database is
/// asked how many payments were credited and how many were credited more than once (payment.paid events beyond one per
/// payment, or more than one notification recorded as the crediting one). The floor is vote-storm's: plain
/// single-row inserts from the same number of connections.
/// </summary>
public static class PayNotifyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var payments = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var server = Environment.GetEnvironmentVariable("RC_BENCH_MYSQL")
            ?? throw new InvalidOperationException("Set RC_BENCH_MYSQL, or run ./scripts/bench.sh pay-notify");
        var database = $"rc_bench_{Guid.NewGuid():N}";
        var connectionString = new MySqlConnectionStringBuilder(server) { Database = database, MaximumPoolSize = 400 }.ConnectionString;

        await using var simulator = await WeChatSimulatorServer.StartAsync(new SimulatorOptions());
        var port = ApiProcess.FreePort();
        var notifyUrl = $"http://127.0.0.1:{port}/api/v1/payments/wechat-notify";
        var keys = Path.Combine(Path.GetTempPath(), "renovation-bench", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "MySql",
            ["ConnectionStrings:MySql"] = connectionString,
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["DemoData:Seed"] = "false",
            // The payments are seeded with the development try-out purpose (a credit that writes nothing of its own).
            ["Payments:EnableTryOutPurpose"] = "true",
            ["Jobs:SweepSeconds"] = "3600",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in simulator.ClientSettings.ToConfiguration(keys, notifyUrl))
            settings[key] = value!;
        // Development only for the try-out purpose; everything else is configured explicitly above.
        await using var api = await ApiProcess.StartAsync(settings, environment: "Development", port: port);
        Console.WriteLine($"API on {api.BaseAddress}; seeding {payments} awaiting payments…");
        var orders = await SeedAsync(connectionString, payments);

        Console.WriteLine("Sealing notifications (AES-256-GCM + RSA signature each)…");
        var sealedNotifications = orders.Select(o => simulator.SealTransactionNotification(o.OutTradeNo, o.AmountFen,
            "4200" + RandomNumberGenerator.GetString("0123456789", 24), o.OpenId)).ToArray();

        var floor = await VoteStormBenchmark.FloorAsync(connectionString, concurrency, Math.Min(payments, 20_000));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        // Warm-up on payments of their own, so JIT and pools are steady before the measured run. After 2,000 payments
        // (4,000 posts) the runtime was still compiling hundreds of methods a second (tiered PGO re-jitting the settle
        // path) through the measured run: about a tenth of the API's CPU went to the JIT. The full measured size (at
        // least 2,000) brings it near its steady state, and the storm then meets tables that are not nearly empty: that
        // is how the outbox dispatcher's scans of every past event were found.
        var warmUp = await SeedAsync(connectionString, Math.Max(2_000, payments));
        await NotifyAllAsync(http, warmUp.Select(o => simulator.SealTransactionNotification(o.OutTradeNo, o.AmountFen,
            "4201" + RandomNumberGenerator.GetString("0123456789", 24), o.OpenId)).ToArray(), concurrency);

        Console.WriteLine($"Posting {payments * 2} notifications ({payments} payments × 2 at once) with {concurrency} concurrent clients…");
        var clock = Stopwatch.StartNew();
        var (latencies, failures) = await NotifyAllAsync(http, sealedNotifications, concurrency);
        clock.Stop();

        await api.DisposeAsync();
        var (credited, paidEvents, creditingRecords) = await CountAsync(connectionString, orders.Select(o => o.OutTradeNo).ToHashSet());
        await VoteStormBenchmark.DropAsync(server, database);
        Directory.Delete(keys, recursive: true);
        foreach (var (status, count) in failures)
            Console.WriteLine($"refused: {count} × HTTP {status}");
        var doubleCredited = Math.Max(paidEvents - credited, creditingRecords - credited);
        var perSecond = payments * 2 / clock.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT pay-notify payments={payments} notifications={payments * 2} credited={credited} double_credited={doubleCredited} notifies_per_s={perSecond:F0} p99_ms={VoteStormBenchmark.Percentile(latencies, 0.99):F1} floor_inserts_per_s={floor:F0} ratio={perSecond / floor:F2}"));
        return credited == payments && doubleCredited == 0 && failures.IsEmpty ? 0 : 1;
    }

    private sealed record SeededOrder(string OutTradeNo, long AmountFen, string OpenId);

    /// <summary>Awaiting payments inserted directly (the prepay path is not what is measured).</summary>
    private static async Task<List<SeededOrder>> SeedAsync(string connectionString, int count)
    {
        var orders = new List<SeededOrder>(count);
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var now = DateTime.UtcNow;
        const int Batch = 500;
        for (var start = 0; start < count; start += Batch)
        {
            var sql = new StringBuilder("INSERT INTO Payments (Id, OutTradeNo, Purpose, SubjectId, PayerUserId, PayerOpenId, CommunityId, Owner, AmountFen, Description, State, Acceptance, ExpiresAt, PrepayId, PrepayExpiresAt, RefundedFen, RefundCount, FailedRefundCount, CreatedAt, UpdatedAt, Version) VALUES ");
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var order = new SeededOrder($"B{Guid.NewGuid():N}"[..27], 100 + i % 9_900, $"o-bench-{i}");
                orders.Add(order);
                if (i > start)
                    sql.Append(',');
                sql.Append(CultureInfo.InvariantCulture,
                    $"('{Guid.CreateVersion7()}','{order.OutTradeNo}','dev-try-out','{Guid.NewGuid()}','{Guid.NewGuid()}','{order.OpenId}','{Guid.NewGuid()}',0,{order.AmountFen},'bench',1,0,'{now.AddHours(2):yyyy-MM-dd HH:mm:ss}','wx{i}','{now.AddHours(2):yyyy-MM-dd HH:mm:ss}',0,0,0,'{now:yyyy-MM-dd HH:mm:ss}','{now:yyyy-MM-dd HH:mm:ss}',1)");
            }
            await using var insert = new MySqlCommand(sql.ToString(), connection);
            await insert.ExecuteNonQueryAsync();
        }
        return orders;
    }

    /// <summary>Both copies of each notification are posted at the same moment; at most <paramref name="concurrency"/> in flight.</summary>
    private static async Task<(ConcurrentBag<double> Latencies, ConcurrentDictionary<string, int> Failures)> NotifyAllAsync(
        HttpClient http, SealedNotification[] notifications, int concurrency)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(notifications, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency / 2) }, async (n, ct) =>
        {
            await Task.WhenAll(PostAsync(n, ct), PostAsync(n, ct));
        });
        return (latencies, failures);

        async Task PostAsync(SealedNotification n, CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/wechat-notify") { Content = new ByteArrayContent(n.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            foreach (var (name, value) in n.Headers)
                request.Headers.TryAddWithoutValidation(name, value);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, ct);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.NoContent)
                failures.AddOrUpdate($"{(int)response.StatusCode}", 1, (_, c) => c + 1);
        }
    }

    private static async Task<(long Credited, long PaidEvents, long CreditingRecords)> CountAsync(string connectionString, HashSet<string> measured)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<HashSet<string>> Set(string sql)
        {
            var set = new HashSet<string>();
            await using var command = new MySqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                set.Add(reader.GetString(0));
            return set;
        }
        async Task<List<string>> List(string sql)
        {
            var list = new List<string>();
            await using var command = new MySqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                list.Add(reader.GetString(0));
            return list;
        }
        var paid = await Set("SELECT OutTradeNo FROM Payments WHERE State = 2");
        var credited = paid.Count(measured.Contains);
        var events = await List("SELECT PayloadJson FROM OutboxEvents WHERE Kind = 'payment.paid'");
        var paidEvents = events.Count(MeasuredEvent);
        var creditingRecords = (await List("SELECT OutTradeNo FROM PaymentNotifications WHERE Outcome = 0")).Count(measured.Contains);
        return (credited, paidEvents, creditingRecords);

        bool MeasuredEvent(string payload)
        {
            var at = payload.IndexOf("\"outTradeNo\":\"", StringComparison.Ordinal);
            return at >= 0 && measured.Contains(payload.Substring(at + 14, 27));
        }
    }
}
