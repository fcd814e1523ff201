using Renovation.Community.WeChat.MiniProgram;
using Renovation.Community.WeChat.MiniProgram.SubscribeMessages;
using Renovation.Community.WeChat.Tests.Support;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.WeChat.Tests.MiniProgram;

public sealed class SubscribeMessageTests : IAsyncLifetime
{
    private const string Template = "tmpl-vote-reminder";
    private WeChatHarness _h = null!;
    private string _openId = "";

    public async Task InitializeAsync()
    {
        _h = await WeChatHarness.StartAsync();
        _openId = (await _h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private SubscribeMessage Message(string thing) => new(_openId, Template, new Dictionary<string, string>
    {
        ["thing1"] = thing,
        ["time2"] = "2026年11月28日 15:01",
        ["amount3"] = "¥1200.50",
        ["phrase4"] = "进行中",
    })
    { Page = "pages/vote/detail?id=7" };

    [Fact]
    public async Task A_subscribed_user_receives_the_message_once_per_subscription()
    {
        _h.Simulator.MiniProgram.Subscribe(_openId, Template);
        var first = await _h.MiniProgram.SendSubscribeMessageAsync(Message("三号楼加装电梯投票"));
        var second = await _h.MiniProgram.SendSubscribeMessageAsync(Message("三号楼加装电梯投票"));

        Assert.Equal(SubscribeMessageOutcome.Sent, first);
        Assert.Equal(SubscribeMessageOutcome.NotSubscribed, second);
        var sent = Assert.Single(_h.Simulator.MiniProgram.SentMessages);
        Assert.Equal("三号楼加装电梯投票", sent.Data["thing1"]);
        Assert.Equal("pages/vote/detail?id=7", sent.Page);
    }

    [Fact]
    public async Task Not_subscribed_43101_is_a_typed_outcome_not_an_exception()
    {
        var outcome = await _h.MiniProgram.SendSubscribeMessageAsync(Message("通知"));
        Assert.Equal(SubscribeMessageOutcome.NotSubscribed, outcome);
        Assert.Empty(_h.Simulator.MiniProgram.SentMessages);
    }

    [Fact]
    public async Task A_thing_over_20_characters_is_refused_before_sending_by_default()
    {
        _h.Simulator.MiniProgram.Subscribe(_openId, Template);
        var e = await Assert.ThrowsAsync<SubscribeMessageValueException>(() =>
            _h.MiniProgram.SendSubscribeMessageAsync(Message(new string('楼', 21))));
        Assert.Equal("thing1", e.Key);
        Assert.Empty(_h.Simulator.MiniProgram.SentMessages);
        Assert.Equal(0, _h.Simulator.Counters.StableTokenRequests);
    }

    [Fact]
    public async Task The_truncate_policy_cuts_a_long_thing_to_20_characters_and_WeChat_accepts_it()
    {
        _h.Simulator.MiniProgram.Subscribe(_openId, Template);
        var outcome = await _h.MiniProgram.SendSubscribeMessageAsync(Message(new string('楼', 30)), SubscribeValuePolicy.TruncateText);
        Assert.Equal(SubscribeMessageOutcome.Sent, outcome);
        var value = Assert.Single(_h.Simulator.MiniProgram.SentMessages).Data["thing1"];
        Assert.Equal(20, value.Length);
        Assert.EndsWith("…", value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_truncate_policy_still_refuses_an_amount_it_cannot_shorten_meaningfully()
    {
        var message = Message("通知") with { Data = new Dictionary<string, string> { ["amount1"] = "¥12345678901.00" } };
        await Assert.ThrowsAsync<SubscribeMessageValueException>(() => _h.MiniProgram.SendSubscribeMessageAsync(message, SubscribeValuePolicy.TruncateText));
    }

    [Theory]
    [InlineData(WeChatErrorCodes.InvalidTemplateValue)]
    [InlineData(WeChatErrorCodes.InvalidOpenId)]
    [InlineData(WeChatErrorCodes.InvalidTemplateId)]
    public async Task WeChat_refusals_surface_as_typed_errcodes(int errCode)
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.SubscribeSend, Fault.WeChatError(errCode));
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.SendSubscribeMessageAsync(Message("通知")));
        Assert.Equal(errCode, e.ErrCode);
    }

    [Fact]
    public async Task An_openid_WeChat_does_not_know_is_40003()
    {
        var message = Message("通知") with { ToOpenId = "not-an-openid" };
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.SendSubscribeMessageAsync(message));
        Assert.Equal(WeChatErrorCodes.InvalidOpenId, e.ErrCode);
    }

    [Fact]
    public async Task An_unknown_template_is_40037()
    {
        _h.Simulator.MiniProgram.KnownTemplates.TryAdd("tmpl-known", 0);
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.SendSubscribeMessageAsync(Message("通知")));
        Assert.Equal(WeChatErrorCodes.InvalidTemplateId, e.ErrCode);
    }

    [Fact]
    public async Task A_send_is_a_POST_and_is_not_retried_after_a_503_so_nobody_gets_it_twice()
    {
        _h.Simulator.MiniProgram.Subscribe(_openId, Template, count: 5);
        _h.Simulator.Faults.Inject(SimulatorPaths.SubscribeSend, Fault.HttpStatus(503), times: 2);
        await Assert.ThrowsAsync<HttpRequestException>(() => _h.MiniProgram.SendSubscribeMessageAsync(Message("通知")));
        Assert.Equal(1, _h.Simulator.Faults.PendingCount);
    }

    [Fact]
    public async Task A_send_is_not_retried_on_minus_1_busy()
    {
        _h.Simulator.MiniProgram.Subscribe(_openId, Template);
        _h.Simulator.Faults.Inject(SimulatorPaths.SubscribeSend, Fault.WeChatError(WeChatErrorCodes.SystemBusy));
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.SendSubscribeMessageAsync(Message("通知")));
        Assert.Equal(WeChatErrorCodes.SystemBusy, e.ErrCode);
        Assert.Empty(_h.Simulator.MiniProgram.SentMessages);
    }
}
