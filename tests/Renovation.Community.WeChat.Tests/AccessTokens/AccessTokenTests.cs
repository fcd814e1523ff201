using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Renovation.Community.WeChat.MiniProgram;
using Renovation.Community.WeChat.Tests.Support;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.WeChat.Tests.AccessTokens;

public sealed class AccessTokenTests
{
    [Fact]
    public async Task A_hundred_concurrent_callers_cause_exactly_one_token_fetch()
    {
        await using var h = await WeChatHarness.StartAsync();
        var tokens = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(async () => await h.AccessTokens.GetAsync())));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, h.Simulator.Counters.StableTokenRequests);
        Assert.Equal(h.Simulator.CurrentAccessToken, tokens[0]);
    }

    [Fact]
    public async Task The_token_is_refreshed_five_minutes_before_it_expires()
    {
        await using var h = await WeChatHarness.StartAsync(sim => sim.AccessTokenLifetime = TimeSpan.FromMinutes(10));
        await h.AccessTokens.GetAsync();
        h.Clock.Offset = TimeSpan.FromMinutes(4);
        await h.AccessTokens.GetAsync();
        Assert.Equal(1, h.Simulator.Counters.StableTokenRequests);

        h.Clock.Offset = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5);
        await h.AccessTokens.GetAsync();
        Assert.Equal(2, h.Simulator.Counters.StableTokenRequests);
    }

    [Theory]
    [InlineData(WeChatErrorCodes.AccessTokenExpired)]
    [InlineData(WeChatErrorCodes.InvalidCredential)]
    public async Task A_token_WeChat_rejects_is_renewed_once_and_the_call_retried(int errCode)
    {
        await using var h = await WeChatHarness.StartAsync();
        var openId = (await h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
        var before = await h.AccessTokens.GetAsync();
        h.Simulator.ExpireAccessToken(errCode);

        var verdict = await h.MiniProgram.MsgSecCheckAsync(openId, ContentScene.Comment, "你好");

        Assert.Equal(ContentSuggestion.Pass, verdict.Suggestion);
        Assert.Equal(2, h.Simulator.Counters.StableTokenRequests);
        Assert.NotEqual(before, await h.AccessTokens.GetAsync());
    }

    [Fact]
    public async Task Errcode_40014_invalid_token_also_triggers_one_renewal_and_retry()
    {
        await using var h = await WeChatHarness.StartAsync();
        var openId = (await h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
        await h.AccessTokens.GetAsync();
        h.Simulator.Faults.Inject(SimulatorPaths.MsgSecCheck, Fault.WeChatError(WeChatErrorCodes.InvalidAccessToken));

        var verdict = await h.MiniProgram.MsgSecCheckAsync(openId, ContentScene.Comment, "你好");

        Assert.Equal(ContentSuggestion.Pass, verdict.Suggestion);
        Assert.Equal(2, h.Simulator.Counters.StableTokenRequests);
    }

    [Fact]
    public async Task A_second_rejection_surfaces_instead_of_looping()
    {
        await using var h = await WeChatHarness.StartAsync();
        var openId = (await h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
        h.Simulator.Faults.Inject(SimulatorPaths.MsgSecCheck, Fault.WeChatError(WeChatErrorCodes.InvalidCredential), times: 3);

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => h.MiniProgram.MsgSecCheckAsync(openId, ContentScene.Comment, "你好"));

        Assert.Equal(WeChatErrorCodes.InvalidCredential, e.ErrCode);
        Assert.Equal(1, h.Simulator.Faults.PendingCount);
        Assert.Equal(2, h.Simulator.Counters.StableTokenRequests);
    }

    [Fact]
    public async Task A_hundred_callers_hitting_an_expired_token_share_one_renewal()
    {
        await using var h = await WeChatHarness.StartAsync();
        var openId = (await h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
        await h.AccessTokens.GetAsync();
        h.Simulator.ExpireAccessToken(WeChatErrorCodes.AccessTokenExpired);

        var verdicts = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            Task.Run(() => h.MiniProgram.MsgSecCheckAsync(openId, ContentScene.Comment, "你好"))));

        Assert.All(verdicts, v => Assert.Equal(ContentSuggestion.Pass, v.Suggestion));
        Assert.Equal(2, h.Simulator.Counters.StableTokenRequests);
        Assert.Equal(2, h.Simulator.Counters.AccessTokensIssued);
    }

    [Fact]
    public async Task Neither_the_access_token_nor_the_app_secret_is_ever_logged()
    {
        var logs = new ConcurrentQueue<string>();
        await using var h = await WeChatHarness.StartAsync(services: s => s.AddLogging(b => b
            .SetMinimumLevel(LogLevel.Trace)
            .AddProvider(new CapturingLoggerProvider(logs))));
        var openId = (await h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
        h.Simulator.ExpireAccessToken();
        await h.MiniProgram.MsgSecCheckAsync(openId, ContentScene.Comment, "你好");

        Assert.NotEmpty(logs);
        var token = h.Simulator.CurrentAccessToken!;
        Assert.DoesNotContain(logs, line => line.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, line => line.Contains(h.Simulator.ClientSettings.AppSecret, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + exception);
        }
    }
}
