using System.Net;
using Renovation.Community.WeChat.MiniProgram;
using Renovation.Community.WeChat.Tests.Support;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.WeChat.Tests.MiniProgram;

public sealed class LoginTests : IAsyncLifetime
{
    private WeChatHarness _h = null!;

    public async Task InitializeAsync() => _h = await WeChatHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Code2Session_gives_one_stable_openid_per_person_across_fresh_codes()
    {
        var first = await _h.MiniProgram.Code2SessionAsync("demo-resident:1");
        var second = await _h.MiniProgram.Code2SessionAsync("demo-resident:2");
        var other = await _h.MiniProgram.Code2SessionAsync("demo-neighbour");

        Assert.Equal(first.OpenId, second.OpenId);
        Assert.Equal(first.UnionId, second.UnionId);
        Assert.NotEqual(first.OpenId, other.OpenId);
        Assert.Matches("^o[A-Za-z0-9_-]{27}$", first.OpenId);
        Assert.False(string.IsNullOrEmpty(first.SessionKey));
    }

    [Fact]
    public async Task Code2Session_refuses_a_code_used_twice_with_40163()
    {
        await _h.MiniProgram.Code2SessionAsync("demo-resident");
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.Code2SessionAsync("demo-resident"));
        Assert.Equal(WeChatErrorCodes.CodeBeenUsed, e.ErrCode);
        Assert.True(e.IsBadLoginCode);
    }

    [Fact]
    public async Task Code2Session_reports_an_invalid_code_as_40029()
    {
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.Code2SessionAsync("invalid-code"));
        Assert.Equal(WeChatErrorCodes.InvalidCode, e.ErrCode);
        Assert.True(e.IsBadLoginCode);
    }

    [Fact]
    public async Task Code2Session_reports_a_blocked_risky_user_as_40226()
    {
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.Code2SessionAsync("risky-user"));
        Assert.Equal(WeChatErrorCodes.RiskyUser, e.ErrCode);
        Assert.False(e.IsBadLoginCode);
    }

    [Fact]
    public async Task Code2Session_reports_the_rate_limit_45011_without_retrying()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.Code2Session, Fault.WeChatError(WeChatErrorCodes.RateLimited));
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.Code2SessionAsync("demo-resident"));
        Assert.Equal(WeChatErrorCodes.RateLimited, e.ErrCode);
        Assert.Equal(0, _h.Simulator.Counters.Code2SessionRequests); // a retry would have reached the endpoint and succeeded
    }

    [Fact]
    public async Task Code2Session_retries_once_when_WeChat_is_busy_minus_1()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.Code2Session, Fault.WeChatError(WeChatErrorCodes.SystemBusy));
        var session = await _h.MiniProgram.Code2SessionAsync("demo-resident");
        Assert.StartsWith("o", session.OpenId, StringComparison.Ordinal);
        Assert.Equal(1, _h.Simulator.Counters.FaultsServed);
        Assert.Equal(1, _h.Simulator.Counters.Code2SessionRequests);
    }

    [Fact]
    public async Task Code2Session_surfaces_minus_1_when_WeChat_stays_busy()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.Code2Session, Fault.WeChatError(WeChatErrorCodes.SystemBusy), times: 2);
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.Code2SessionAsync("demo-resident"));
        Assert.Equal(WeChatErrorCodes.SystemBusy, e.ErrCode);
    }

    [Fact]
    public async Task Code2Session_is_a_GET_and_is_retried_after_a_503()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.Code2Session, Fault.HttpStatus(503));
        var session = await _h.MiniProgram.Code2SessionAsync("demo-resident");
        Assert.NotEmpty(session.OpenId);
        Assert.Equal(1, _h.Simulator.Counters.FaultsServed);
    }

    [Fact]
    public async Task Code2Session_is_retried_after_an_attempt_timeout()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.Code2Session, Fault.Timeout(TimeSpan.FromSeconds(5)));
        var session = await _h.MiniProgram.Code2SessionAsync("demo-resident");
        Assert.NotEmpty(session.OpenId);
        Assert.Equal(1, _h.Simulator.Counters.FaultsServed);
    }

    [Fact]
    public async Task Code2Session_gives_up_after_the_retry_budget_of_503s()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.Code2Session, Fault.HttpStatus(503), times: 5);
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => _h.MiniProgram.Code2SessionAsync("demo-resident"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(2, _h.Simulator.Faults.PendingCount); // 1 try + 2 retries consumed 3 of 5
    }
}

public sealed class CredentialTests
{
    [Theory]
    [InlineData("WeChat:MiniProgram:AppSecret", "not-the-secret", WeChatErrorCodes.InvalidAppSecret)]
    [InlineData("WeChat:MiniProgram:AppId", "wx0000000000000000", WeChatErrorCodes.InvalidAppId)]
    public async Task Wrong_app_credentials_are_reported_by_code2Session_and_stable_token(string key, string value, int expected)
    {
        await using var h = await WeChatHarness.StartAsync(configure: s => s[key] = value);

        var login = await Assert.ThrowsAsync<WeChatApiException>(() => h.MiniProgram.Code2SessionAsync("demo-resident"));
        var token = await Assert.ThrowsAsync<WeChatApiException>(async () => await h.AccessTokens.GetAsync());

        Assert.Equal(expected, login.ErrCode);
        Assert.Equal(expected, token.ErrCode);
    }

    [Fact]
    public async Task Stable_token_credential_error_40001_surfaces_as_a_typed_exception()
    {
        await using var h = await WeChatHarness.StartAsync();
        h.Simulator.Faults.Inject(SimulatorPaths.StableToken, Fault.WeChatError(WeChatErrorCodes.InvalidCredential));
        var e = await Assert.ThrowsAsync<WeChatApiException>(async () => await h.AccessTokens.GetAsync());
        Assert.Equal(WeChatErrorCodes.InvalidCredential, e.ErrCode);
        Assert.Equal("stable_token", e.Api);
    }
}
