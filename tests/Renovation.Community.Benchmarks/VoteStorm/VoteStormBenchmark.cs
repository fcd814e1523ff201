using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MySqlConnector;

namespace Renovation.Community.Benchmarks.VoteStorm;

/// <summary>
/// Casts the ballots of N owner parties spread over four open votes, concurrently, through HTTP with real tokens,
/// against the API on MariaDB; then, on the same database and with the same number of connections, times plain
/// single-row inserts into a table with a unique key — the floor the ballot path is compared with; and the ceiling:
/// the same request (POST, JSON body, token, Idempotency-Key) into a vote that has just closed, which the API refuses
/// from its open-votes cache without touching the database — what the host can answer at all.
/// Needs RC_BENCH_MYSQL (a server connection string); scripts/bench.sh provides a throwaway MariaDB.
/// </summary>
public static class VoteStormBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parties = args.Length > 0 ? int.Parse(args[0]) : 20_000;
        var votes = args.Length > 1 ? int.Parse(args[1]) : 4;
        var concurrency = args.Length > 2 ? int.Parse(args[2]) : 50;
        var server = Environment.GetEnvironmentVariable("RC_BENCH_MYSQL")
            ?? throw new InvalidOperationException("Set RC_BENCH_MYSQL, or run ./scripts/bench.sh vote-storm");
        var database = $"rc_bench_{Guid.NewGuid():N}";
        var connectionString = new MySqlConnectionStringBuilder(server) { Database = database, MaximumPoolSize = 400 }.ConnectionString;
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database:Provider"] = "MySql",
            ["ConnectionStrings:MySql"] = connectionString,
            ["Auth:SigningKey"] = signingKey,
            ["WeChat:Mode"] = "Simulator",
            ["Voting:MinimumNoticeDays"] = "0",
            ["Jobs:SweepSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        Console.WriteLine($"API on {api.BaseAddress}; seeding {parties} parties in {votes} communities…");
        var world = await StormSeed.SeedAsync(connectionString, parties, votes, WarmUpParties);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var voteIds = await OpenVotesAsync(http, world.Communities, Token(signingKey, world.StreetOfficerId), DateTimeOffset.UtcNow.AddHours(2));

        // The floor is measured on the same database while the API idles, before the storm.
        var floor = await FloorAsync(connectionString, concurrency, parties);

        // Tokens are minted up front (as the mini-program would hold them) so the storm measures casting only.
        var warmUp = Jobs(world.WarmUpVoters);
        var jobs = Jobs(world.Voters);
        Console.WriteLine($"Warming up with {warmUp.Length} ballots in a vote of their own…");
        var warmUpFailures = (await CastAllAsync(http, warmUp, concurrency)).Failures;
        if (!warmUpFailures.IsEmpty)
            throw new InvalidOperationException($"Warm-up ballots were refused: {string.Join(", ", warmUpFailures.Select(f => $"{f.Value} × HTTP {f.Key}"))}");
        await WaitUntilChainedAsync(connectionString, voteIds[^1]);
        var ceiling = await CeilingAsync(http, world, Token(signingKey, world.StreetOfficerId), Jobs(world.WarmUpVoters), concurrency);

        Console.WriteLine($"Casting {jobs.Length} ballots with {concurrency} concurrent clients…");
        var total = Stopwatch.StartNew();
        var (latencies, receipts, failures) = await CastAllAsync(http, jobs, concurrency);
        total.Stop();

        // The API stops before the database is counted and dropped, so no background job writes into a dropped schema.
        var peakMb = api.PeakWorkingSetMb();
        await api.DisposeAsync();
        var (recorded, distinctParties, stored) = await CountAsync(connectionString, voteIds[..votes]);
        var lost = receipts.Count(r => !stored.Contains(r));
        var ballotsPerSecond = receipts.Count / total.Elapsed.TotalSeconds;
        var p99 = Percentile(latencies, 0.99);
        foreach (var (status, count) in failures)
            Console.WriteLine($"refused: {count} × HTTP {status}");
        Console.WriteLine($"storm: {receipts.Count} accepted in {total.Elapsed.TotalSeconds:F1} s, p50 {Percentile(latencies, 0.5):F1} ms, API peak RSS {peakMb} MB");

        await DropAsync(server, database);
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT vote-storm parties={parties} recorded={recorded} lost={lost} duplicates={recorded - distinctParties} ballots_per_s={ballotsPerSecond:F0} p99_ms={p99:F1} floor_inserts_per_s={floor:F0} ratio={ballotsPerSecond / floor:F2} ceiling_rps={ceiling:F0} ratio_to_ceiling={ballotsPerSecond / ceiling:F2}"));
        return failures.IsEmpty && lost == 0 && recorded == distinctParties ? 0 : 1;

        (string Token, Guid VoteId)[] Jobs(IEnumerable<StormVoter> voters)
        {
            var minted = voters.Select(v => (Token: Token(signingKey, v.UserId), VoteId: voteIds[v.Community])).ToArray();
            Random.Shared.Shuffle(minted);
            return minted;
        }
    }

    private const int WarmUpParties = 16_000;

    private static async Task<(ConcurrentBag<double> Latencies, ConcurrentBag<string> Receipts, ConcurrentDictionary<string, int> Failures)>
        CastAllAsync(HttpClient http, (string Token, Guid VoteId)[] jobs, int concurrency)
    {
        var latencies = new ConcurrentBag<double>();
        var receipts = new ConcurrentBag<string>();
        var failures = new ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (job, ct) =>
        {
            using var request = BallotRequest(job.Token, job.VoteId);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                receipts.Add(JsonDocument.Parse(body).RootElement.GetProperty("receipt").GetString()!);
            else
                failures.AddOrUpdate($"{(int)response.StatusCode}", 1, (_, n) => n + 1);
        });
        return (latencies, receipts, failures);
    }

    /// <summary>
    /// Opening times are this far ahead: a loaded machine can take seconds to answer, and the API refuses an opening
    /// time already past by its own clock (<c>notice_too_short</c>).
    /// </summary>
    private static readonly TimeSpan ConveneMargin = TimeSpan.FromSeconds(20);

    /// <summary>The ceiling stops this long after the vote closed: the API caches an open vote until a minute after it.</summary>
    private static readonly TimeSpan CeilingWindow = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Convenes a short vote in the warm-up community, casts one ballot while it is open (which caches it), waits until
    /// it closes, then sends the storm's request shape into it: each answer is 409 <c>vote_not_open</c> from the cache,
    /// before any database work. Returns requests answered per second.
    /// </summary>
    private static async Task<double> CeilingAsync(HttpClient http, StormWorld world, string officerToken,
        (string Token, Guid VoteId)[] warmUp, int concurrency)
    {
        var closesAt = DateTimeOffset.UtcNow + ConveneMargin + TimeSpan.FromSeconds(30);
        var voteId = (await OpenVotesAsync(http, [world.Communities[^1]], officerToken, closesAt))[0];
        var jobs = warmUp.Select(j => (j.Token, VoteId: voteId)).ToArray();
        var (_, cached, refused) = await CastAllAsync(http, jobs[..1], 1);
        if (cached.IsEmpty)
            throw new InvalidOperationException($"The ceiling vote closed before its first ballot: {string.Join(", ", refused.Select(f => $"{f.Value} × HTTP {f.Key}"))}; try again on a quieter machine");
        await Task.Delay(closesAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));

        Console.WriteLine($"Measuring the ceiling: up to {jobs.Length - 1} ballots into the closed vote…");
        var answered = 0;
        var wrong = new ConcurrentDictionary<string, int>();
        var stopAt = closesAt + CeilingWindow;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(jobs[1..], new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (job, ct) =>
        {
            if (DateTimeOffset.UtcNow >= stopAt)
                return;
            using var request = BallotRequest(job.Token, job.VoteId);
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.Conflict && body.Contains("\"vote_not_open\"", StringComparison.Ordinal))
                Interlocked.Increment(ref answered);
            else
                wrong.AddOrUpdate($"{(int)response.StatusCode}", 1, (_, n) => n + 1);
        });
        clock.Stop();
        if (!wrong.IsEmpty)
            throw new InvalidOperationException($"Ceiling requests were not refused as closed: {string.Join(", ", wrong.Select(f => $"{f.Value} × HTTP {f.Key}"))}");
        var rps = answered / clock.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"ceiling: {answered} answered in {clock.Elapsed.TotalSeconds:F1} s"));
        return rps;
    }

    private static HttpRequestMessage BallotRequest(string token, Guid voteId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/votes/{voteId}/ballots")
        {
            Content = JsonContent.Create(new { choice = "Agree" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return request;
    }

    private static async Task<Guid[]> OpenVotesAsync(HttpClient http, IEnumerable<Guid> communities, string officerToken,
        DateTimeOffset closesAt)
    {
        var ids = new List<Guid>();
        foreach (var community in communities)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/communities/{community}/votes")
            {
                Content = JsonContent.Create(new
                {
                    title = "基准测试表决",
                    matter = "OtherMajorMatter",
                    kind = "Motion",
                    secrecy = "Named",
                    showCountsBeforeClose = false,
                    opensAt = DateTimeOffset.UtcNow + ConveneMargin,
                    closesAt,
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officerToken);
            var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Convening failed: {(int)response.StatusCode} {body}");
            ids.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid());
        }
        foreach (var id in ids)
        {
            for (var state = ""; state != "Open"; await Task.Delay(500))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/votes/{id}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officerToken);
                var body = await (await http.SendAsync(request)).Content.ReadAsStringAsync();
                state = JsonDocument.Parse(body).RootElement.GetProperty("state").GetString()!;
                if (state is not ("Scheduled" or "Open"))
                    throw new InvalidOperationException($"Vote {id} is {state} before it was seen open; try again on a quieter machine");
            }
        }
        return [.. ids];
    }

    private static string Token(string signingKey, Guid userId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "renovation-community",
        Audience = "renovation-miniprogram",
        Expires = DateTime.UtcNow.AddHours(2),
        Subject = new ClaimsIdentity([new Claim("sub", userId.ToString())]),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>The chainer catches up with the warm-up ballots before the storm, so it does not count against it.</summary>
    private static async Task WaitUntilChainedAsync(string connectionString, Guid voteId)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var pending = new MySqlCommand($"SELECT COUNT(*) FROM Ballots WHERE VoteId = '{voteId}' AND ChainIndex IS NULL", connection);
        for (var deadline = DateTime.UtcNow.AddSeconds(60); Convert.ToInt64(await pending.ExecuteScalarAsync()) > 0; await Task.Delay(200))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The chainer did not catch up with the warm-up ballots within 60 s");
        }
    }

    private static async Task<(long Recorded, long DistinctParties, HashSet<string> Receipts)> CountAsync(string connectionString, Guid[] voteIds)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var list = string.Join(",", voteIds.Select(v => $"'{v}'"));
        await using var counts = new MySqlCommand(
            $"SELECT COUNT(*), COUNT(DISTINCT VoteId, OwnerPartyId) FROM Ballots WHERE VoteId IN ({list})", connection);
        await using var reader = await counts.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (recorded, distinct) = (reader.GetInt64(0), reader.GetInt64(1));
        await reader.CloseAsync();
        var receipts = new HashSet<string>();
        await using var all = new MySqlCommand($"SELECT ReceiptHash FROM Ballots WHERE VoteId IN ({list})", connection);
        await using var rows = await all.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            receipts.Add(rows.GetString(0));
        return (recorded, distinct, receipts);
    }

    /// <summary>Single-row autocommit inserts into a table with a unique key, from the same number of connections.</summary>
    internal static async Task<double> FloorAsync(string connectionString, int connections, int rows)
    {
        await using (var setup = new MySqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new MySqlCommand(
                "CREATE TABLE bench_floor (id BIGINT AUTO_INCREMENT PRIMARY KEY, k CHAR(32) NOT NULL, UNIQUE KEY uk (k)) ENGINE=InnoDB", setup);
            await create.ExecuteNonQueryAsync();
        }
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var connection = new MySqlConnection(connectionString);
            await connection.OpenAsync();
            await using var insert = new MySqlCommand("INSERT INTO bench_floor (k) VALUES (@k)", connection);
            var key = insert.Parameters.Add("@k", MySqlDbType.String);
            while (Interlocked.Increment(ref next) < rows)
            {
                key.Value = Guid.NewGuid().ToString("N");
                await insert.ExecuteNonQueryAsync();
            }
        }));
        return rows / clock.Elapsed.TotalSeconds;
    }

    internal static async Task DropAsync(string server, string database)
    {
        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{database}`", connection);
        await drop.ExecuteNonQueryAsync();
    }

    internal static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
