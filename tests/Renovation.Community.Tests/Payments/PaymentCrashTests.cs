using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Tests.Fund;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChatSimulator;
using Renovation.Community.WeChatSimulator.Pay;
using Xunit.Abstractions;

namespace Renovation.Community.Tests.Payments;

/// <summary>
/// Runs only on the MariaDB pass (<c>RC_TEST_DB=MySql</c>): elsewhere it is reported as skipped with the reason.
/// </summary>
public sealed class MariaDbFactAttribute : FactAttribute
{
    public MariaDbFactAttribute()
    {
        if (TestDatabase.Provider != DatabaseProvider.MySql)
            Skip = "Needs MariaDB: runs when RC_TEST_DB=MySql with RC_TEST_MYSQL (./scripts/test.sh)";
    }
}

/// <summary>
/// The API is killed with SIGKILL in the middle of a storm of payment notifications on MariaDB, restarted on the same
/// database, and WeChat does what it does after a crash: redelivers every notification that got no 2xx, and the sweep
/// finds the orders that were paid without a word. Then what WeChat (the simulator) says was paid must be paid with us
/// exactly once: one purpose effect, one <c>payment.paid</c>, and nothing acknowledged to WeChat lost. The storm mixes
/// the crash-test purpose with maintenance-fund top-ups (every open share of the demo campaigns), whose effect is one
/// ledger entry each, and the fund's invariant must hold afterwards.
/// </summary>
public sealed class PaymentCrashTests(ITestOutputHelper output)
{
    private const int PaymentCount = 300;
    private const int StormConcurrency = 24;
    private static readonly TimeSpan SettleWithin = TimeSpan.FromSeconds(30);

    private enum Fate
    {
        /// <summary>Never paid: must stay awaiting and credit nothing.</summary>
        Unpaid,
        /// <summary>Paid, no notification ever: only the sweep can find it.</summary>
        PaidSilently,
        NotifiedOnce,
        /// <summary>Two deliveries of the same notification at once (WeChat repeats itself).</summary>
        NotifiedTwice,
    }

    private sealed record Order(Guid PaymentId, string OutTradeNo, long AmountFen, Fate Fate, string Purpose);

    private sealed class Delivery(Order order, SealedNotification notification)
    {
        public Order Order { get; } = order;
        public SealedNotification Notification { get; } = notification;
        public string NotificationId { get; } = JsonDocument.Parse(notification.Body).RootElement.GetProperty("id").GetString()!;
        public bool Acknowledged { get; set; }
    }

    [MariaDbFact]
    public async Task A_SIGKILL_during_a_notification_storm_loses_no_payment_and_credits_none_twice()
    {
        var connectionString = TestDatabase.NewConnectionString($"rccrash_{Guid.NewGuid():N}");
        // The API processes run on the run's clock (TestRunClock); WeChat must sign with the same one.
        await using var simulator = await WeChatSimulatorServer.StartAsync(new SimulatorOptions { ShareKeysWithinProcess = true, Time = new ShiftedClock() });
        var port = ApiProcess.FreePort();
        var keys = Path.Combine(Path.GetTempPath(), "renovation-tests", $"wechat-{Guid.NewGuid():N}");
        var settings = Settings(connectionString);
        foreach (var (key, value) in simulator.ClientSettings.ToConfiguration(keys, $"http://127.0.0.1:{port}{PaymentNotifications.DefaultPath}"))
            settings[key] = value;
        var phases = new StringBuilder();
        var clock = Stopwatch.StartNew();
        void Phase(string what)
        {
            var line = $"{clock.Elapsed.TotalSeconds,6:F1}s {what}";
            phases.AppendLine(line);
            output.WriteLine(line);
        }

        ApiProcess? killed = null, restarted = null;
        try
        {
            killed = await ApiProcess.StartAsync(settings, port, seed: true, withCrashTestPurpose: true);
            Phase("first API process ready");
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = StormConcurrency })
            { BaseAddress = killed.Url, Timeout = TimeSpan.FromSeconds(20) };
            var login = await (await http.PostJson("/api/v1/auth/dev-login", new { username = "resident-a" }))
                .ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
            http.DefaultRequestHeaders.Authorization = new("Bearer", login.Tokens.AccessToken);

            var shares = await BindPayerToEveryOpenTopUpShareAsync(connectionString, "resident-a");
            var orders = await CreatePaymentsAsync(http, shares);
            Phase($"{orders.Count} payments created through the API ({shares.Count} of them fund top-ups)");
            var deliveries = PayInSimulator(simulator, orders);
            Phase($"{orders.Count(o => o.Fate != Fate.Unpaid)} paid in the simulator; {deliveries.Count} notifications sealed");

            // The storm: every delivery at once (24 in flight); SIGKILL when a third have been answered, so some were
            // committed and acknowledged, some were cut mid-transaction and the rest never arrived.
            var shuffled = deliveries.OrderBy(_ => Random.Shared.Next()).ToList();
            var killAfter = shuffled.Count / 3;
            var answered = 0;
            var exitCode = 0;
            await Parallel.ForEachAsync(shuffled, new ParallelOptions { MaxDegreeOfParallelism = StormConcurrency }, async (d, ct) =>
            {
                d.Acknowledged = await PostAsync(http, d.Notification, ct);
                if (Interlocked.Increment(ref answered) == killAfter)
                    exitCode = killed.KillHard();
            });
            var acknowledgedBeforeKill = deliveries.Count(d => d.Acknowledged);
            Phase($"storm: killed after {killAfter} answers; {acknowledgedBeforeKill} of {deliveries.Count} acknowledged (exit code {exitCode})");
            Assert.Equal(137, exitCode);   // 128 + SIGKILL: no graceful shutdown happened
            Assert.InRange(acknowledgedBeforeKill, 1, deliveries.Count - 1);

            restarted = await ApiProcess.StartAsync(settings, port, seed: false, withCrashTestPurpose: true);
            Phase("restarted on the same database");
            // WeChat redelivers what got no 2xx (both copies of a double), while the sweep queries silent orders.
            var retries = deliveries.Where(d => !d.Acknowledged).ToList();
            await Parallel.ForEachAsync(retries, new ParallelOptions { MaxDegreeOfParallelism = StormConcurrency },
                async (d, ct) => d.Acknowledged = await PostAsync(http, d.Notification, ct));
            Assert.All(retries, d => Assert.True(d.Acknowledged, $"redelivery of {d.NotificationId} for {d.Order.OutTradeNo} was refused"));
            Phase($"{retries.Count} redeliveries acknowledged");

            var paidAtWeChat = orders.Where(o => simulator.Orders.Find(o.OutTradeNo)!.TradeState == "SUCCESS").ToList();
            Assert.Equal(orders.Count(o => o.Fate != Fate.Unpaid), paidAtWeChat.Count);
            await WaitUntilPaidAsync(connectionString, paidAtWeChat.Count);
            Phase("every payment the simulator took is paid with us");
            // A few more sweeps (every second): none of them may credit anything again.
            await Task.Delay(TimeSpan.FromSeconds(3));

            await AssertExactlyOnceAsync(connectionString, orders, paidAtWeChat, deliveries);
            Phase("invariants hold");
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e}\n--- phases ---\n{phases}\n--- killed process ---\n{killed?.Output}\n--- restarted process ---\n{restarted?.Output}");
        }
        finally
        {
            killed?.Dispose();
            restarted?.Dispose();
            await TestDatabase.DropAsync(connectionString);
            if (Directory.Exists(keys))
                Directory.Delete(keys, recursive: true);
        }
    }

    private static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["Database:Provider"] = "MySql",
        ["ConnectionStrings:MySql"] = connectionString,
        ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
        ["Auth:EnableDevLogin"] = "true",
        ["Auth:LoginPermitsPerMinute"] = "100000",
        // Sweeps every second; an order is "silent" after a second; a killed node's Quartz locks are recovered fast.
        ["Jobs:SweepSeconds"] = "1",
        ["Jobs:ClusterCheckinSeconds"] = "1",
        ["Payments:SilentAfterSeconds"] = "1",
        ["Realtime:RetentionDays"] = "36500",
        ["Files:Root"] = Path.Combine(Path.GetTempPath(), "renovation-tests", $"files_{Guid.NewGuid():N}"),
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>
    /// The demo seeds a fund with an open top-up campaign in each community. So that one payer can pay every open share
    /// (a share is paid by someone bound to its unit), the payer gets an approved binding to each of those units.
    /// Returns the shares with what one payment of each takes now.
    /// </summary>
    private static async Task<List<(Guid ShareId, long PayNowFen)>> BindPayerToEveryOpenTopUpShareAsync(string connectionString, string username)
    {
        await using var db = OpenDb(connectionString);
        var payer = await db.Users.Where(u => u.OpenId == AuthApi.DevOpenId(username)).Select(u => u.Id).SingleAsync();
        var shares = await db.FundTopUpShares.AsNoTracking().Where(s => s.PaidFen < s.AmountFen).OrderBy(s => s.Id).ToListAsync();
        var bound = await db.UnitBindings.Where(b => b.UserId == payer && b.Live == true).Select(b => b.UnitId).ToListAsync();
        var now = TestRunClock.UtcNow;
        foreach (var share in shares.Where(s => !bound.Contains(s.UnitId)).DistinctBy(s => s.UnitId))
        {
            var binding = new UnitBinding(payer, share.UnitId, share.CommunityId, "崩溃测试", "0000", "", matchesRegister: false, now);
            binding.Approve(payer, now, "崩溃测试代缴");
            db.UnitBindings.Add(binding);
        }
        await db.SaveChangesAsync();
        Assert.NotEmpty(shares);
        // A campaign with an instalment schedule takes one instalment per payment, earliest first.
        var campaigns = await db.FundTopUpCampaigns.AsNoTracking().ToDictionaryAsync(c => c.Id);
        return shares.Select(s => (s.Id, TopUpSchedule.PayNowFen(campaigns[s.CampaignId], s.AmountFen, s.PaidFen, now))).ToList();
    }

    private static MySqlAppDbContext OpenDb(string connectionString) => new(new DbContextOptionsBuilder<MySqlAppDbContext>()
        .UseMySqlStore(connectionString).Options);

    /// <summary>
    /// Real prepays (the simulator holds each JSAPI order): the crash-test purpose's and one top-up per open share.
    /// Every tenth stays unpaid, every tenth is paid silently.
    /// </summary>
    private static async Task<List<Order>> CreatePaymentsAsync(HttpClient http, List<(Guid ShareId, long PayNowFen)> shares)
    {
        var subjects = Enumerable.Range(0, PaymentCount).Select(_ => (Purpose: CrashTestPurpose.PurposeName, SubjectId: Guid.NewGuid(), PriceFen: 0L))
            .Select(s => s with { PriceFen = CrashTestPurpose.PriceFen(s.SubjectId) })
            .Concat(shares.Select(s => (Purpose: TopUpPurpose.TopUpName, SubjectId: s.ShareId, PriceFen: s.PayNowFen)))
            .Select((s, i) => (s.Purpose, s.SubjectId, s.PriceFen, Index: i)).ToList();
        var orders = new ConcurrentBag<Order>();
        await Parallel.ForEachAsync(subjects, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, ct) =>
        {
            var prepay = await (await http.PostJson("/api/v1/payments", new { purpose = s.Purpose, subjectId = s.SubjectId }))
                .ShouldBe<PrepayView>(HttpStatusCode.OK);
            Assert.Equal(s.PriceFen, prepay.Payment.AmountFen);
            var fate = (s.Index % 10) switch
            {
                0 => Fate.Unpaid,
                1 => Fate.PaidSilently,
                _ => s.Index % 3 == 0 ? Fate.NotifiedTwice : Fate.NotifiedOnce,
            };
            orders.Add(new Order(prepay.Payment.Id, prepay.Payment.OutTradeNo, prepay.Payment.AmountFen, fate, s.Purpose));
        });
        return [.. orders];
    }

    /// <summary>
    /// The payer pays at WeChat (the simulator's order becomes SUCCESS with a transaction id, which its order query will
    /// report); the notification WeChat would send is sealed for the test to deliver, so it knows which got a 2xx.
    /// </summary>
    private static List<Delivery> PayInSimulator(WeChatSimulatorServer simulator, List<Order> orders)
    {
        var deliveries = new List<Delivery>();
        foreach (var order in orders.Where(o => o.Fate != Fate.Unpaid))
        {
            Assert.True(simulator.PayAsync(order.OutTradeNo, new PaymentOptions { SuppressNotification = true }).Result);
            if (order.Fate == Fate.PaidSilently)
                continue;
            var atWeChat = simulator.Orders.Find(order.OutTradeNo)!;
            var notification = simulator.SealTransactionNotification(order.OutTradeNo, atWeChat.TotalFen, atWeChat.TransactionId!, atWeChat.OpenId);
            deliveries.Add(new Delivery(order, notification));
            if (order.Fate == Fate.NotifiedTwice)
                deliveries.Add(new Delivery(order, notification));
        }
        return deliveries;
    }

    /// <summary>True for a 2xx, the only answer WeChat takes as delivered; false for any other answer or no answer.</summary>
    private static async Task<bool> PostAsync(HttpClient http, SealedNotification n, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PaymentNotifications.DefaultPath) { Content = new ByteArrayContent(n.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in n.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }

    private static async Task WaitUntilPaidAsync(string connectionString, int expected)
    {
        var deadline = DateTime.UtcNow + SettleWithin;
        long paid;
        while ((paid = await ScalarAsync(connectionString, $"SELECT COUNT(*) FROM Payments WHERE State = {(int)PaymentState.Paid}")) < expected)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Only {paid} of {expected} payments WeChat took are paid with us after {SettleWithin}");
            await Task.Delay(200);
        }
    }

    private static async Task AssertExactlyOnceAsync(string connectionString, List<Order> orders, List<Order> paidAtWeChat,
        List<Delivery> deliveries)
    {
        await using var db = new MySqlConnection(connectionString);
        await db.OpenAsync();
        var rows = await ReadAsync(db, "SELECT OutTradeNo, State, Acceptance FROM Payments",
            r => (No: r.GetString(0), State: (PaymentState)r.GetInt32(1), Acceptance: (PaymentAcceptanceState)r.GetInt32(2)));
        var byNo = rows.ToDictionary(r => r.No);
        var credits = CountByPaymentId(await ReadAsync(db, $"SELECT PayloadJson FROM OutboxEvents WHERE Kind = '{CrashTestPurpose.CreditedKind}'", r => r.GetString(0)));
        var paidEvents = CountByPaymentId(await ReadAsync(db, $"SELECT PayloadJson FROM OutboxEvents WHERE Kind = '{PaymentEvents.Paid}'", r => r.GetString(0)));
        var fundEntries = (await ReadAsync(db, $"SELECT SourceKey, Kind, AmountFen FROM FundEntries WHERE SourceKey LIKE 'payment:%'",
                r => (Key: r.GetString(0), Kind: (FundEntryKind)r.GetInt32(1), AmountFen: r.GetInt64(2))))
            .GroupBy(e => Guid.Parse(e.Key["payment:".Length..])).ToDictionary(g => g.Key, g => g.ToList());
        var creditingNotifications = (await ReadAsync(db, $"SELECT OutTradeNo FROM PaymentNotifications WHERE Outcome = {(int)NotificationOutcome.Credited}", r => r.GetString(0)))
            .GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        var recordedNotifications = (await ReadAsync(db, "SELECT NotificationId FROM PaymentNotifications", r => r.GetString(0))).ToHashSet();
        var incidents = await ReadAsync(db, "SELECT Kind, Reference, Detail FROM PaymentIncidents", r => $"{r.GetInt32(0)} {r.GetString(1)}: {r.GetString(2)}");

        Assert.Equal(orders.Count, rows.Count);
        var problems = new List<string>();
        foreach (var order in orders)
        {
            var row = byNo[order.OutTradeNo];
            var paid = paidAtWeChat.Contains(order);
            var expected = paid ? 1 : 0;
            if (paid && (row.State, row.Acceptance) != (PaymentState.Paid, PaymentAcceptanceState.Accepted))
                problems.Add($"{order.OutTradeNo} ({order.Fate}) paid at WeChat is {row.State}/{row.Acceptance} with us");
            if (!paid && row.State != PaymentState.AwaitingPayment)
                problems.Add($"{order.OutTradeNo} never paid is {row.State} with us");
            var effects = order.Purpose == TopUpPurpose.TopUpName
                ? fundEntries.GetValueOrDefault(order.PaymentId)?.Count(e => e.Kind == FundEntryKind.TopUp && e.AmountFen == order.AmountFen) ?? 0
                : credits.GetValueOrDefault(order.PaymentId);
            if (effects != expected)
                problems.Add($"{order.OutTradeNo} ({order.Purpose}, {order.Fate}) credited {effects} times by the purpose");
            if (order.Purpose == TopUpPurpose.TopUpName && fundEntries.GetValueOrDefault(order.PaymentId)?.Count != (paid ? 1 : null))
                problems.Add($"{order.OutTradeNo} ({order.Fate}) posted {fundEntries.GetValueOrDefault(order.PaymentId)?.Count ?? 0} fund entries");
            if (paidEvents.GetValueOrDefault(order.PaymentId) != expected)
                problems.Add($"{order.OutTradeNo} ({order.Fate}) has {paidEvents.GetValueOrDefault(order.PaymentId)} payment.paid events");
            if (creditingNotifications.GetValueOrDefault(order.OutTradeNo) > 1)
                problems.Add($"{order.OutTradeNo} ({order.Fate}) was credited by {creditingNotifications[order.OutTradeNo]} notifications");
        }
        // A 2xx told WeChat to stop retrying: what it acknowledged must have been committed, not lost with the process.
        foreach (var d in deliveries.Where(d => d.Acknowledged && !recordedNotifications.Contains(d.NotificationId)))
            problems.Add($"notification {d.NotificationId} for {d.Order.OutTradeNo} was acknowledged but is not recorded");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(incidents);

        // Each purpose's effects balance with the money WeChat took for it, fen for fen.
        var creditedFen = (await ReadAsync(db, $"SELECT PayloadJson FROM OutboxEvents WHERE Kind = '{CrashTestPurpose.CreditedKind}'", r => r.GetString(0)))
            .Sum(p => JsonDocument.Parse(p).RootElement.GetProperty("amountFen").GetInt64());
        Assert.Equal(paidAtWeChat.Where(o => o.Purpose == CrashTestPurpose.PurposeName).Sum(o => o.AmountFen), creditedFen);
        Assert.Equal(paidAtWeChat.Where(o => o.Purpose == TopUpPurpose.TopUpName).Sum(o => o.AmountFen),
            fundEntries.Values.SelectMany(e => e).Sum(e => e.AmountFen));
        await AssertFundInvariantAsync(connectionString, orders, paidAtWeChat);
    }

    /// <summary>
    /// In every community: each household's balance is the sum of its entries, the account's is the sum of the
    /// households' (and of the entries, in sequence without a gap); each share has taken exactly what was paid for it,
    /// and each campaign's totals are its shares'.
    /// </summary>
    private static async Task AssertFundInvariantAsync(string connectionString, List<Order> orders, List<Order> paidAtWeChat)
    {
        await using var db = OpenDb(connectionString);
        foreach (var communityId in await db.FundAccounts.Select(a => a.CommunityId).ToListAsync())
            await FundWorld.AssertInvariant(db, communityId);
        var paidFenByShare = new Dictionary<Guid, long>();
        var payments = await db.Payments.AsNoTracking().Where(p => p.Purpose == TopUpPurpose.TopUpName).ToListAsync();
        foreach (var payment in payments.Where(p => paidAtWeChat.Any(o => o.PaymentId == p.Id)))
            paidFenByShare[payment.SubjectId] = paidFenByShare.GetValueOrDefault(payment.SubjectId) + payment.AmountFen;
        var shares = await db.FundTopUpShares.AsNoTracking().ToListAsync();
        Assert.All(shares.Where(s => payments.Any(p => p.SubjectId == s.Id)),
            s => Assert.Equal(paidFenByShare.GetValueOrDefault(s.Id), s.PaidFen));
        foreach (var campaign in await db.FundTopUpCampaigns.AsNoTracking().ToListAsync())
        {
            var its = shares.Where(s => s.CampaignId == campaign.Id).ToList();
            Assert.Equal(its.Sum(s => s.PaidFen), campaign.PaidFen);
            Assert.Equal(its.Count(s => s.PaidFen == s.AmountFen), campaign.PaidHouseholds);
        }
        Assert.Contains(orders, o => o.Purpose == TopUpPurpose.TopUpName && paidAtWeChat.Contains(o));
    }

    private static Dictionary<Guid, int> CountByPaymentId(IEnumerable<string> payloads) =>
        payloads.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("paymentId").GetGuid())
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    private static async Task<List<T>> ReadAsync<T>(MySqlConnection db, string sql, Func<MySqlDataReader, T> map)
    {
        var list = new List<T>();
        await using var command = new MySqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(map(reader));
        return list;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var db = new MySqlConnection(connectionString);
        await db.OpenAsync();
        await using var command = new MySqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
