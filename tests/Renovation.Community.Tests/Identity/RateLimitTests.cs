using System.Net;
using System.Net.Http.Headers;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

/// <summary>Per-address limit of 6 sign-ins a minute, per-user limit of 5 calls a minute (docs/configuration.md).</summary>
public sealed class TightUserLimitFactory : ApiFactory
{
    public const int SignIns = 6;
    public const int UserCalls = 5;

    // Its settings do not touch the demo data: it starts on a copy of the run's seeded template.
    protected override bool SharesSeededTemplate => true;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Auth:LoginPermitsPerMinute"] = SignIns.ToString(),
        ["Auth:UserPermitsPerMinute"] = UserCalls.ToString(),
    };
}

/// <summary>
/// One office (or a carrier NAT) is one address: its people must not lock each other out. Anonymous sign-in is limited
/// per address, everything a signed-in user does (refreshes included) per user.
/// </summary>
public sealed class RateLimitTests(TightUserLimitFactory api) : IClassFixture<TightUserLimitFactory>
{
    private async Task<ApiFactory.LoginBody> SignIn(string username)
    {
        using var anonymous = api.CreateClient();
        return await (await anonymous.PostJson("/api/v1/auth/dev-login", new { username })).ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
    }

    private HttpClient Bearer(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Users_behind_one_address_refresh_without_locking_each_other_out()
    {
        var logins = new[] { await SignIn("committee-a"), await SignIn("committee-b") };
        using var anonymous = api.CreateClient();
        // Twice the address's sign-in allowance of refreshes, all from one address: each counts against its own user.
        var refreshes = 0;
        foreach (var login in logins)
        {
            var refresh = login.Tokens.RefreshToken;
            for (var i = 0; i < TightUserLimitFactory.UserCalls; i++, refreshes++)
                refresh = (await (await anonymous.PostJson("/api/v1/auth/refresh", new { refreshToken = refresh }))
                    .ShouldBe<TokenPair>(HttpStatusCode.OK)).RefreshToken;
            // The user's own window is spent: the next refresh waits, with the usual problem and Retry-After.
            var refused = await anonymous.PostJson("/api/v1/auth/refresh", new { refreshToken = refresh });
            await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        }
        Assert.True(refreshes > TightUserLimitFactory.SignIns);
    }

    [Fact]
    public async Task Signed_in_calls_are_limited_per_user_not_per_address()
    {
        var busy = await SignIn("chair-a");
        var neighbour = await SignIn("chair-b");
        using var busyClient = Bearer(busy.Tokens.AccessToken);
        using var neighbourClient = Bearer(neighbour.Tokens.AccessToken);
        for (var i = 0; i < TightUserLimitFactory.UserCalls; i++)
            Assert.Equal(HttpStatusCode.OK, (await busyClient.GetAsync("/api/v1/me")).StatusCode);
        var refused = await busyClient.GetAsync("/api/v1/me");
        var problem = await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        // The neighbour at the same address is not held back by the busy user.
        Assert.Equal(HttpStatusCode.OK, (await neighbourClient.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public void The_default_limits_are_sized_for_a_shared_address()
    {
        var defaults = new AuthOptions();
        // Hundreds of residents behind one carrier NAT sign in within minutes of a notice.
        Assert.True(defaults.LoginPermitsPerMinute >= 300, "per-address sign-in limit");
        Assert.True(defaults.UserPermitsPerMinute >= 300, "per-user limit");
    }
}
