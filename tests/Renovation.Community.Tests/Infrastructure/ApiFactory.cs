using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Tests.Payments;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.WeChatSimulator;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// The real API on Kestrel (loopback, random port) over a fresh real database, a copy of one the real migrations made
/// and the API seeded with the demo data once for this test run (<see cref="TemplateDatabase"/>). One per test class;
/// the clock is a <see cref="ShiftedClock"/> that tests may move forward.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _connectionString;
    /// <summary>Set for the one API that seeds the run's template: it seeds, and leaves its database behind.</summary>
    private readonly string? _seedInto;
    private readonly ConcurrentDictionary<string, TokenPair> _tokens = new();

    /// <summary>Uploaded files of this factory's API; removed with its database.</summary>
    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "renovation-tests", $"files_{Guid.NewGuid():N}");

    public ShiftedClock Clock { get; }

    /// <summary>The loopback WeChat this API talks to (real HTTP, real RSA/AES), on the API's clock.</summary>
    public WeChatSimulatorServer WeChat { get; }
    public CapturedLogs Logs { get; } = new();

    /// <summary>Overridden by factories that need different settings (e.g. a tight login rate limit).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>
    /// Whether this API starts on a copy of the run's seeded template. A factory with settings of its own seeds its own
    /// demo data, because its settings may change what the seed writes or whether the seed's rules hold.
    /// </summary>
    protected virtual bool SharesSeededTemplate => ExtraSettings.Count == 0;

    private string ConnectionString => _connectionString ??= _seedInto
        ?? TemplateDatabase.Copy($"rc_{Guid.NewGuid():N}", seeded: SharesSeededTemplate);

    /// <summary>The API that seeds the demo data into <paramref name="connectionString"/> for the seeded template.</summary>
    internal static ApiFactory SeedingInto(string connectionString) => new(connectionString);

    private ApiFactory(string seedInto) : this() => _seedInto = seedInto;

    /// <summary>
    /// Chosen before start so the WeChat simulator can be given this API's notify URL (payment notifications are real
    /// HTTP posts to it).
    /// </summary>
    public int Port { get; }

    public ApiFactory()
    {
        Clock = new ShiftedClock();
        WeChat = WeChatSimulatorServer.StartAsync(new SimulatorOptions { ShareKeysWithinProcess = true, NotificationTimeScale = 0.001, Time = Clock })
            .GetAwaiter().GetResult();
        // Probed after the simulator has bound its own port, so the two can never be handed the same one.
        Port = ApiProcess.FreePort();
        UseKestrel(Port);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.Provider.ToString(),
            [$"ConnectionStrings:{TestDatabase.Provider}"] = ConnectionString,
            ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["Auth:EnableDevLogin"] = "true",
            ["Auth:LoginPermitsPerMinute"] = "100000",
            // Tests drive hundreds of calls a minute as one user (sweeps, races); RateLimitTests sets its own limits.
            ["Auth:UserPermitsPerMinute"] = "100000",
            ["DemoData:Seed"] = _seedInto is not null || !SharesSeededTemplate ? "true" : "false",
            // A copy of the seeded template has nothing to migrate (and WAL is set in its file); skipping the check saves
            // a few tenths of a second per class. The seeding API, and APIs that seed their own, migrate as the product does.
            ["Database:MigrateOnStart"] = _seedInto is null && SharesSeededTemplate ? "false" : "true",
            ["Realtime:PollMilliseconds"] = "100",
            // Tests move the clock by weeks; pruning would make "nothing written" row counts drift (RetentionTests sets its own).
            ["Realtime:RetentionDays"] = "36500",
            // It fires on the wall clock (10:05–13:35 China time): a run between a test's two row counts looked like a
            // partial write. Reconciliation tests run days through DailyReconciliation and the admin endpoint.
            ["Jobs:DailyReconciliation"] = "false",
            // One node per class: its schedule in memory (a clustered fire on MariaDB costs tens of statements, and
            // RowCounts.Settled fires every sweep). TwoNodeTests and PaymentCrashTests run the clustered default.
            ["Jobs:Clustered"] = "false",
            ["Files:Root"] = FilesRoot,
        };
        var keys = Path.Combine(Path.GetTempPath(), "renovation-tests", $"wechat-{Guid.NewGuid():N}");
        foreach (var (key, value) in WeChat.ClientSettings.ToConfiguration(keys, $"http://127.0.0.1:{Port}/api/v1/payments/wechat-notify"))
            settings[key] = value;
        foreach (var (key, value) in ExtraSettings)
            settings[key] = value;
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddPaymentPurpose<TestPaymentPurpose>();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Tokens are judged by the registered TimeProvider (production code), so the test clock issues and checks them.
        });
    }

    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public Task InitializeAsync()
    {
        StartServer();
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await StopAsync();
        if (_connectionString is not null && _seedInto is null)
            await TestDatabase.DropAsync(_connectionString);
    }

    /// <summary>Stops the API and its WeChat simulator and removes its uploaded files; the database stays.</summary>
    internal async Task StopAsync()
    {
        await DisposeAsync();
        await WeChat.DisposeAsync();
        if (Directory.Exists(FilesRoot))
            Directory.Delete(FilesRoot, recursive: true);
    }

    /// <summary>
    /// A client signed in as a demo user (see DemoDataSeeder.Usernames). Tokens are cached per user and renewed when the
    /// test clock has moved past their expiry, so a client keeps working in tests that move the clock.
    /// </summary>
    public Task<HttpClient> ClientFor(string username) =>
        Task.FromResult(CreateDefaultClient(new BearerHandler(() => TokenFor(username))));

    public async Task<string> TokenFor(string username)
    {
        if (_tokens.TryGetValue(username, out var cached) && cached.AccessTokenExpiresAt > Clock.GetUtcNow().AddMinutes(1))
            return cached.AccessToken;
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/dev-login", new { username });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginBody>(Json.Options);
        return (_tokens[username] = login!.Tokens).AccessToken;
    }

    /// <summary>
    /// A new mini-program user signed in through the WeChat simulator. wx.login codes are single use, so the client
    /// signs in again with the next code of the same person ("person:n" → one openid) when the test clock outran its token.
    /// </summary>
    public async Task<(HttpClient Client, Guid UserId)> NewWeChatUser()
    {
        var person = "user-" + Guid.NewGuid().ToString("N");
        var logins = 0;
        LoginBody? login = null;
        // Many concurrent requests may find the token stale at once: one of them signs in again, the rest wait for it.
        var renewing = new SemaphoreSlim(1, 1);
        async Task<string> Token()
        {
            await renewing.WaitAsync();
            try
            {
                if (login is null || login.Tokens.AccessTokenExpiresAt <= Clock.GetUtcNow().AddMinutes(1))
                {
                    using var anonymous = CreateClient();
                    var response = await anonymous.PostJson("/api/v1/auth/wechat-login", new { code = $"{person}:{++logins}" });
                    if (response.StatusCode != System.Net.HttpStatusCode.OK)
                        Assert.Fail($"sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{Logs.Errors()}");
                    login = await response.ShouldBe<LoginBody>(System.Net.HttpStatusCode.OK);
                }
                return login.Tokens.AccessToken;
            }
            finally
            {
                renewing.Release();
            }
        }
        await Token();
        return (CreateClientWithToken(Token), login!.UserId);
    }

    /// <summary>A client that asks for its bearer token on every request (see <see cref="ClientFor"/>).</summary>
    public HttpClient CreateClientWithToken(Func<Task<string>> token) => CreateDefaultClient(new BearerHandler(token));

    private sealed class BearerHandler(Func<Task<string>> token) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await token());
            return await base.SendAsync(request, ct);
        }
    }

    /// <summary>Runs work against the same database the API uses (for arranging data and checking what was written).</summary>
    public async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDb(Func<AppDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public sealed record LoginBody(Guid UserId, string DisplayName, bool IsNewUser, TokenPair Tokens);
}
