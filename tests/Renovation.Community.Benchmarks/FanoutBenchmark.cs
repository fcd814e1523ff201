using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Renovation.Community.Benchmarks;

/// <summary>
/// Starts one API node (Production, SQLite in a temp folder, demo data) as a child process, connects N SignalR clients
/// over WebSockets to <c>/hubs/events</c> as a resident of community A, publishes one community notice and measures,
/// per client, the time from the publish request to the <c>notice.published</c> event. All clients share one
/// resident's token: the server still keeps one connection, one group membership and one send per client.
/// </summary>
internal static class FanoutBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var connectParallelism = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
        var folder = Path.Combine(Path.GetTempPath(), $"fanout-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        using var api = StartApi(url, folder);
        try
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
            await WaitReadyAsync(http, api);
            var resident = await LoginAsync(http, "resident-a");
            var committee = await LoginAsync(http, "committee-a");
            var me = await (await Authorized(http, HttpMethod.Get, "/api/v1/me", resident)).Content.ReadFromJsonAsync<JsonElement>(Json);
            var communityId = me.GetProperty("units")[0].GetProperty("communityId").GetGuid();

            var clock = Stopwatch.StartNew();
            var received = new long[clients];
            var delivered = 0;
            var allIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var connections = new HubConnection?[clients];
            var failures = 0;
            string? firstFailure = null;
            var connectWatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = connectParallelism },
                async (i, ct) =>
                {
                    var connection = new HubConnectionBuilder()
                        .WithUrl(new Uri(url, "/hubs/events"), o =>
                        {
                            o.Transports = HttpTransportType.WebSockets;
                            o.SkipNegotiation = true;
                            o.AccessTokenProvider = () => Task.FromResult<string?>(resident);
                        })
                        .Build();
                    connection.On<JsonElement>("event", e =>
                    {
                        if (e.GetProperty("kind").GetString() != "notice.published" || Interlocked.Read(ref received[i]) != 0)
                            return;
                        Interlocked.Exchange(ref received[i], clock.ElapsedTicks);
                        if (Interlocked.Increment(ref delivered) == clients)
                            allIn.TrySetResult();
                    });
                    // Connected means the hub said "ready": its groups are joined (the handshake comes before that).
                    var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    connection.On("ready", () => ready.TrySetResult());
                    try
                    {
                        await connection.StartAsync(ct);
                        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
                        connections[i] = connection;
                    }
                    catch (Exception e)
                    {
                        Interlocked.Increment(ref failures);
                        Interlocked.CompareExchange(ref firstFailure, e.GetBaseException().Message, null);
                        await connection.DisposeAsync();
                    }
                });
            var connected = clients - failures;
            Console.WriteLine($"connected {connected}/{clients} in {connectWatch.Elapsed.TotalSeconds:F1}s" +
                              (firstFailure is null ? "" : $"; first failure: {firstFailure}"));
            if (connected < clients)
                allIn.TrySetResult(); // wait below for the connected ones only

            var start = clock.ElapsedTicks;
            using (var publish = await Authorized(http, HttpMethod.Post, "/api/v1/notices", committee, new
                   {
                       targetKind = "Community", targetId = communityId, title = "扇出测试通知", body = "压测：一条社区通知送达全部在线客户端",
                   }))
                publish.EnsureSuccessStatusCode();
            var deadline = Stopwatch.StartNew();
            while (Volatile.Read(ref delivered) < connected && deadline.Elapsed < TimeSpan.FromSeconds(120))
                await Task.Delay(20);

            var latencies = received.Where(t => t != 0).Select(t => (t - start) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
            var rss = RssMb(api.Id);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT fanout clients={connected} delivered={latencies.Length} p50_ms={Percentile(latencies, 0.50):F0} p99_ms={Percentile(latencies, 0.99):F0} rss_mb={rss:F0}"));

            await Parallel.ForEachAsync(connections.Where(c => c is not null), new ParallelOptions { MaxDegreeOfParallelism = 64 },
                async (c, _) => await c!.DisposeAsync());
            return latencies.Length == clients ? 0 : 1;
        }
        finally
        {
            if (!api.HasExited)
                api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Process StartApi(Uri url, string folder)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Renovation.Community.Api.dll");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in new[]
                 {
                     dll, "--urls", url.ToString().TrimEnd('/'),
                     "--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={Path.Combine(folder, "fanout.db")}",
                     "--DemoData:Seed=true", "--Auth:EnableDevLogin=true", "--Auth:LoginPermitsPerMinute=100000", "--Auth:UserPermitsPerMinute=100000",
                     $"--Auth:SigningKey={Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48))}",
                     "--WeChat:Mode=Simulator", $"--Files:Root={Path.Combine(folder, "files")}", "--Logging:LogLevel:Default=Warning",
                 })
            info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[api] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient http, Process api)
    {
        for (var i = 0; i < 240; i++)
        {
            if (api.HasExited)
                throw new InvalidOperationException($"The API exited with {api.ExitCode}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The API did not become ready");
    }

    private static async Task<string> LoginAsync(HttpClient http, string username)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/dev-login", new { username }, Json);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return body.GetProperty("tokens").GetProperty("accessToken").GetString()!;
    }

    private static Task<HttpResponseMessage> Authorized(HttpClient http, HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: Json);
        return http.SendAsync(request);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double RssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
