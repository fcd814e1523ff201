using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

public sealed class AuthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private sealed record Login(Guid UserId, string DisplayName, bool IsNewUser, TokenPair Tokens);

    [Fact]
    public async Task WeChat_login_creates_the_user_once_and_signs_in_again_as_the_same_user()
    {
        using var client = api.CreateClient();
        // wx.login codes are single use; the simulator maps "person:n" codes to one openid per person.
        var person = "person-" + Guid.NewGuid().ToString("N");
        var first = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = $"{person}:1" })).ShouldBe<Login>(HttpStatusCode.OK);
        var again = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = $"{person}:2" })).ShouldBe<Login>(HttpStatusCode.OK);
        Assert.True(first.IsNewUser);
        Assert.False(again.IsNewUser);
        Assert.Equal(first.UserId, again.UserId);
        Assert.True(first.Tokens.AccessTokenExpiresAt <= api.Clock.GetUtcNow().AddMinutes(15));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first.Tokens.AccessToken);
        var me = await (await client.GetAsync("/api/v1/me")).ShouldBe<MeResponse>(HttpStatusCode.OK);
        Assert.Equal(first.UserId, me.Id);
        Assert.Empty(me.Units);
    }

    [Fact]
    public async Task The_same_persons_first_sign_in_on_several_devices_at_once_creates_one_user()
    {
        var person = "person-" + Guid.NewGuid().ToString("N");
        var next = 0;
        var answers = await Race.Run(Race.DefaultRacers, async () =>
        {
            using var client = api.CreateClient();
            return await client.PostJson("/api/v1/auth/wechat-login", new { code = $"{person}:{Interlocked.Increment(ref next)}" });
        });

        Assert.All(answers.All, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var logins = answers.All.Select(a => System.Text.Json.JsonSerializer.Deserialize<Login>(a.Body, Json.Options)!).ToList();
        Assert.Single(logins.Select(l => l.UserId).Distinct());
        Assert.Equal(1, logins.Count(l => l.IsNewUser));
        var openId = await api.WithDb(db => db.Users.Where(u => u.Id == logins[0].UserId).Select(u => u.OpenId).SingleAsync());
        Assert.Equal(1, await api.WithDb(db => db.Users.CountAsync(u => u.OpenId == openId)));
    }

    [Fact]
    public async Task WeChat_login_with_an_invalid_code_is_401_and_creates_nobody()
    {
        using var client = api.CreateClient();
        var before = await RowCounts.Settled(api);
        await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "invalid-code" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "wechat_code_invalid");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_login_code_used_twice_is_refused_like_WeChat_refuses_it()
    {
        using var client = api.CreateClient();
        var code = "once-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await client.PostJson("/api/v1/auth/wechat-login", new { code })).StatusCode);
        await (await client.PostJson("/api/v1/auth/wechat-login", new { code }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "wechat_code_invalid");
    }

    [Fact]
    public async Task A_user_WeChat_flags_as_risky_is_refused()
    {
        using var client = api.CreateClient();
        await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "risky-" + Guid.NewGuid().ToString("N") }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(45011)]
    public async Task WeChat_being_busy_or_limiting_is_a_retryable_problem_not_a_500(int errCode)
    {
        using var client = api.CreateClient();
        api.WeChat.Faults.Inject(WeChatSimulator.Faults.SimulatorPaths.Code2Session, WeChatSimulator.Faults.Fault.WeChatError(errCode), times: 5);
        var response = await client.PostJson("/api/v1/auth/wechat-login", new { code = "busy-" + Guid.NewGuid().ToString("N") });
        await response.ShouldBeProblem(errCode == -1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.TooManyRequests);
        while (api.WeChat.Faults.PendingCount > 0)
            await client.PostJson("/api/v1/auth/wechat-login", new { code = "drain-" + Guid.NewGuid().ToString("N") });
    }

    [Fact]
    public async Task The_WeChat_session_key_is_neither_returned_nor_logged()
    {
        using var client = api.CreateClient();
        var body = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "sk-" + Guid.NewGuid().ToString("N") })).Content.ReadAsStringAsync();
        Assert.DoesNotContain("session", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains("session_key", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains(api.WeChat.ClientSettings.AppSecret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"code\":\"\"}")]
    [InlineData("{\"code\":42}")]
    public async Task WeChat_login_bad_input_is_400(string body)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsync("/api/v1/auth/wechat-login",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("code").GetString(), new[] { "validation_failed", "invalid_request" });
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_the_old_one_stops_working()
    {
        using var client = api.CreateClient();
        var login = await SignIn(client);
        var rotated = await (await client.PostJson("/api/v1/auth/refresh", new { refreshToken = login.Tokens.RefreshToken }))
            .ShouldBe<TokenPair>(HttpStatusCode.OK);
        Assert.NotEqual(login.Tokens.RefreshToken, rotated.RefreshToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", rotated.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Replaying_a_rotated_refresh_token_revokes_the_whole_family()
    {
        using var client = api.CreateClient();
        var login = await SignIn(client);
        var rotated = await (await client.PostJson("/api/v1/auth/refresh", new { refreshToken = login.Tokens.RefreshToken }))
            .ShouldBe<TokenPair>(HttpStatusCode.OK);

        await (await client.PostJson("/api/v1/auth/refresh", new { refreshToken = login.Tokens.RefreshToken }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "refresh_token_reused");
        // The thief's replay also ends the legitimate holder's session: both must sign in again.
        await (await client.PostJson("/api/v1/auth/refresh", new { refreshToken = rotated.RefreshToken }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "refresh_token_invalid");
    }

    [Fact]
    public async Task Expired_refresh_token_is_refused()
    {
        await using var own = new ApiFactory();
        await ((IAsyncLifetime)own).InitializeAsync();
        using var client = own.CreateClient();
        var login = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "expiry-user" })).ShouldBe<Login>(HttpStatusCode.OK);
        own.Clock.Advance(TimeSpan.FromDays(31));
        await (await client.PostJson("/api/v1/auth/refresh", new { refreshToken = login.Tokens.RefreshToken }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "refresh_token_invalid");
        await ((IAsyncLifetime)own).DisposeAsync();
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        using var client = api.CreateClient();
        var login = await SignIn(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Tokens.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent,
            (await client.PostJson("/api/v1/auth/logout", new { refreshToken = login.Tokens.RefreshToken })).StatusCode);
        await (await client.PostJson("/api/v1/auth/refresh", new { refreshToken = login.Tokens.RefreshToken }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "refresh_token_invalid");
    }

    [Fact]
    public async Task Unknown_refresh_token_is_401()
    {
        using var client = api.CreateClient();
        await (await client.PostJson("/api/v1/auth/refresh", new { refreshToken = "not-a-token" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "refresh_token_invalid");
    }

    [Fact]
    public async Task Access_token_signed_with_another_key_is_refused()
    {
        await using var other = new ApiFactory();
        await ((IAsyncLifetime)other).InitializeAsync();
        var foreignToken = await other.TokenFor("city-admin");
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", foreignToken);
        await (await client.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        await ((IAsyncLifetime)other).DisposeAsync();
    }

    [Fact]
    public async Task Disabled_user_cannot_sign_in()
    {
        using var client = api.CreateClient();
        var login = await SignIn(client);
        await api.WithDb(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == login.UserId)).Disable();
            await db.SaveChangesAsync();
        });
        await (await client.PostJson("/api/v1/auth/refresh", new { refreshToken = login.Tokens.RefreshToken }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Dev_login_for_an_unknown_demo_user_is_404()
    {
        using var client = api.CreateClient();
        await (await client.PostJson("/api/v1/auth/dev-login", new { username = "nobody" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "demo_user_not_found");
    }

    private static async Task<Login> SignIn(HttpClient client) =>
        await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "c-" + Guid.NewGuid().ToString("N") }))
            .ShouldBe<Login>(HttpStatusCode.OK);
}

public sealed class DevLoginDisabledFactory : ApiFactory
{
    // Its settings do not touch the demo data: it starts on a copy of the run's seeded template.
    protected override bool SharesSeededTemplate => true;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Auth:EnableDevLogin"] = "false" };
}

public sealed class DevLoginDisabledTests(DevLoginDisabledFactory api) : IClassFixture<DevLoginDisabledFactory>
{
    [Fact]
    public async Task Dev_login_does_not_exist_when_disabled()
    {
        using var client = api.CreateClient();
        await (await client.PostJson("/api/v1/auth/dev-login", new { username = "city-admin" }))
            .ShouldBeProblem(HttpStatusCode.NotFound);
    }
}

public sealed class TightLoginLimitFactory : ApiFactory
{
    // Its settings do not touch the demo data: it starts on a copy of the run's seeded template.
    protected override bool SharesSeededTemplate => true;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Auth:LoginPermitsPerMinute"] = "3" };
}

public sealed class LoginRateLimitTests(TightLoginLimitFactory api) : IClassFixture<TightLoginLimitFactory>
{
    [Fact]
    public async Task Login_is_rate_limited_per_client_with_a_problem()
    {
        using var client = api.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostJson("/api/v1/auth/wechat-login", new { code = $"rl-{i}" })).StatusCode);
        await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "rl-4" }))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
    }
}

public sealed class BehindProxyFactory : ApiFactory
{
    // Its settings do not touch the demo data: it starts on a copy of the run's seeded template.
    protected override bool SharesSeededTemplate => true;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Auth:LoginPermitsPerMinute"] = "2",
        ["Proxy:KnownProxies:0"] = "127.0.0.1",
    };
}

public sealed class BehindProxyTests(BehindProxyFactory api) : IClassFixture<BehindProxyFactory>
{
    private async Task<HttpResponseMessage> LoginFrom(string clientAddress)
    {
        using var client = api.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/wechat-login")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { code = "p-" + Guid.NewGuid().ToString("N") }),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_client_address_has_its_own_login_limit()
    {
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom("203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom("203.0.113.7")).StatusCode);
        await (await LoginFrom("203.0.113.7")).ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        // Another resident behind the same balancer is not held back by the first one's attempts.
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom("198.51.100.9")).StatusCode);
    }
}
