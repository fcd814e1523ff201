using System.Net;
using System.Threading.Channels;
using MySqlConnector;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Notices;
using Renovation.Community.WeChatSimulator;

namespace Renovation.Community.Tests.ScaleOut;

/// <summary>
/// Runs only on the MariaDB pass (<c>RC_TEST_DB=MySql</c> with <c>RC_TEST_REDIS</c>): elsewhere it is reported as
/// skipped with the reason, never silently green.
/// </summary>
public sealed class MySqlAndRedisFactAttribute : FactAttribute
{
    public MySqlAndRedisFactAttribute()
    {
        if (TestDatabase.Provider != DatabaseProvider.MySql || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("RC_TEST_REDIS")))
            Skip = "Needs MariaDB and Redis: runs when RC_TEST_DB=MySql with RC_TEST_MYSQL and RC_TEST_REDIS (./scripts/test.sh)";
    }
}

/// <summary>Two real API processes sharing MariaDB and Redis, as behind a load balancer.</summary>
public sealed class TwoNodeTests
{
    [MySqlAndRedisFact]
    public async Task A_notice_published_on_one_node_reaches_a_client_on_the_other_and_a_scheduled_one_fires_once()
    {
        var connectionString = TestDatabase.NewConnectionString($"rc2n_{Guid.NewGuid():N}");
        // Both nodes run on the run's clock (TestRunClock); WeChat signs with the same one.
        var clock = new ShiftedClock();
        await using var simulator = await WeChatSimulatorServer.StartAsync(new SimulatorOptions { ShareKeysWithinProcess = true, Time = clock });
        var keys = Path.Combine(Path.GetTempPath(), "renovation-tests", $"wechat-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql",
            ["ConnectionStrings:MySql"] = connectionString,
            ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("RC_TEST_REDIS"),
            ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["Auth:EnableDevLogin"] = "true",
            ["Auth:LoginPermitsPerMinute"] = "100000",
            ["Jobs:SweepSeconds"] = "1",
            ["Realtime:PollMilliseconds"] = "100",
            ["WeChat:AccessTokenStore"] = "Redis",
            ["Files:Root"] = Path.Combine(Path.GetTempPath(), "renovation-tests", $"files_{Guid.NewGuid():N}"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in simulator.ClientSettings.ToConfiguration(keys, "https://api.example.com/api/v1/payments/wechat-notify"))
            settings[key] = value;

        // The first node migrates and seeds; the second starts on the finished schema, as a rolling deploy would.
        using var first = await ApiProcess.StartAsync(settings, ApiProcess.FreePort(), seed: true);
        using var second = await ApiProcess.StartAsync(settings, ApiProcess.FreePort(), seed: false);
        try
        {
            using var onFirst = new HttpClient { BaseAddress = first.Url };
            var committee = await Login(onFirst, "committee-a");
            var resident = await Login(onFirst, "resident-a");
            onFirst.DefaultRequestHeaders.Authorization = new("Bearer", committee);
            var communityA = await Scalar<string>(connectionString, "SELECT Id FROM Communities WHERE Name = '幸福里小区'");

            var (connection, inbox) = await NoticesWorld.Connect(second.Url, () => Task.FromResult(resident));
            var live = await (await onFirst.PostJson("/api/v1/notices", new
            {
                targetKind = "Community", targetId = Guid.Parse(communityA), title = "跨节点通知", body = "由节点一发布",
            })).ShouldBe<NoticeView>(HttpStatusCode.Created);
            var heard = await NoticesWorld.Next(inbox, NoticeEvents.Published, live.Id);
            Assert.Equal($"community:{communityA}", heard.Audience);

            // An access change made on node 1 reaches node 2 through Redis: a newcomer connected to node 2 is approved
            // on node 1, and node 2 moves the open connection into the community's group, without a reconnect.
            var newcomer = await WeChatLogin(onFirst, "twonode-" + Guid.NewGuid().ToString("N"));
            var (newcomerConnection, newcomerInbox) = await NoticesWorld.Connect(second.Url, () => Task.FromResult(newcomer));
            await using var closeNewcomer = newcomerConnection;
            var unitId = await Scalar<string>(connectionString, "SELECT u.Id FROM Units u JOIN OwnerParties p ON p.Id = u.OwnerPartyId " +
                $"WHERE u.CommunityId = '{communityA}' AND p.Kind = 0 AND NOT EXISTS (SELECT 1 FROM UnitBindings b WHERE b.UnitId = u.Id) ORDER BY u.Id LIMIT 1");
            using var asNewcomer = new HttpClient { BaseAddress = first.Url };
            asNewcomer.DefaultRequestHeaders.Authorization = new("Bearer", newcomer);
            var binding = await (await asNewcomer.PostJson("/api/v1/bindings", new { unitId = Guid.Parse(unitId), name = "赵六", idLast4 = "123X", certificateNumber = "证" }))
                .ShouldBe<BindingView>(HttpStatusCode.Created);
            Assert.Equal(HttpStatusCode.OK, (await onFirst.PostJson($"/api/v1/bindings/{binding.Id}/approve", Confirmed.Mismatch)).StatusCode);
            await HearsCommunityNotices(onFirst, Guid.Parse(communityA), newcomerInbox);

            using var onSecond = new HttpClient { BaseAddress = second.Url };
            onSecond.DefaultRequestHeaders.Authorization = new("Bearer", committee);
            var scheduled = await (await onSecond.PostJson("/api/v1/notices", new
            {
                targetKind = "Community", targetId = Guid.Parse(communityA), title = "定时跨节点通知", body = "由调度发布",
                publishAt = clock.GetUtcNow().AddSeconds(3),
            })).ShouldBe<NoticeView>(HttpStatusCode.Created);
            Assert.Equal(NoticeState.Scheduled, scheduled.State);
            await NoticesWorld.Next(inbox, NoticeEvents.Published, scheduled.Id);
            // Both nodes keep sweeping every second; give them several more rounds to do it twice if they could.
            await Task.Delay(TimeSpan.FromSeconds(5));

            var published = await Scalar<long>(connectionString,
                $"SELECT COUNT(*) FROM OutboxEvents WHERE Kind = 'notice.published' AND PayloadJson LIKE '%{scheduled.Id}%'");
            Assert.Equal(1, published);
            var state = await Scalar<int>(connectionString, $"SELECT State FROM Notices WHERE Id = '{scheduled.Id}'");
            Assert.Equal((int)NoticeState.Published, state);
            var extra = new List<Guid>();
            while (inbox.Reader.TryRead(out var e))
                if (e.Kind == NoticeEvents.Published)
                    extra.Add(e.Payload.GetProperty("noticeId").GetGuid());
            Assert.DoesNotContain(scheduled.Id, extra);
            // Both schedulers run as one Quartz cluster in the shared database.
            var members = await Scalar<long>(connectionString, "SELECT COUNT(*) FROM qrtz_SCHEDULER_STATE WHERE SCHED_NAME = 'renovation'");
            Assert.Equal(2, members);
            // Each process reached Redis through a connection of its own: the event crossed between two processes.
            var redisClients = await RedisClientNames();
            Assert.Contains(redisClients, n => n.EndsWith($"-{first.ProcessId}", StringComparison.Ordinal));
            Assert.Contains(redisClients, n => n.EndsWith($"-{second.ProcessId}", StringComparison.Ordinal));
            await connection.DisposeAsync();
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e}\n--- node 1 ---\n{first.Output}\n--- node 2 ---\n{second.Output}");
        }
        finally
        {
            first.Dispose();
            second.Dispose();
            await TestDatabase.DropAsync(connectionString);
        }
    }

    private static async Task<string> WeChatLogin(HttpClient client, string code)
    {
        using var anonymous = new HttpClient { BaseAddress = client.BaseAddress };
        var login = await (await anonymous.PostJson("/api/v1/auth/wechat-login", new { code })).ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        return login.Tokens.AccessToken;
    }

    /// <summary>
    /// Node 2 resyncs the connection when it hears of the approval on Redis; a notice published before that passes it
    /// by (the mini-program reconnects after <c>binding.approved</c> anyway). So notices go out until one arrives.
    /// </summary>
    private static async Task HearsCommunityNotices(HttpClient committee, Guid communityId, Channel<EventEnvelope> inbox)
    {
        var sent = new HashSet<Guid>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var notice = await (await committee.PostJson("/api/v1/notices", new
            {
                targetKind = "Community", targetId = communityId, title = "入住后的跨节点通知", body = "节点二应转达",
            })).ShouldBe<NoticeView>(HttpStatusCode.Created);
            sent.Add(notice.Id);
            using var round = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            round.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                while (true)
                {
                    var e = await inbox.Reader.ReadAsync(round.Token);
                    if (e.Kind == NoticeEvents.Published && sent.Contains(e.Payload.GetProperty("noticeId").GetGuid()))
                        return;
                }
            }
            catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
            {
                // Not in the group yet: publish another.
            }
        }
    }

    private static async Task<string> Login(HttpClient client, string username)
    {
        var login = await (await client.PostJson("/api/v1/auth/dev-login", new { username })).ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        return login.Tokens.AccessToken;
    }

    private static async Task<List<string>> RedisClientNames()
    {
        var options = StackExchange.Redis.ConfigurationOptions.Parse(Environment.GetEnvironmentVariable("RC_TEST_REDIS")!);
        options.AllowAdmin = true;
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(options);
        var clients = await redis.GetServer(redis.GetEndPoints()[0]).ClientListAsync();
        return clients.Select(c => c.Name ?? "").Where(n => n.StartsWith("renovation-", StringComparison.Ordinal)).ToList();
    }

    private static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        if (typeof(T) == typeof(string))
            return (T)(object)value!.ToString()!;
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
