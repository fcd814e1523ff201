using Renovation.Community.WeChat.MiniProgram;
using Renovation.Community.WeChat.Tests.Support;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.WeChat.Tests.MiniProgram;

public sealed class PhoneAndContentTests : IAsyncLifetime
{
    private WeChatHarness _h = null!;

    public async Task InitializeAsync() => _h = await WeChatHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Phone_number_reads_countryCode_whether_sent_as_string_or_number(bool asNumber)
    {
        _h.Simulator.MiniProgram.PhoneCountryCodeAsNumber = asNumber;
        var phone = await _h.MiniProgram.GetPhoneNumberAsync("phone-13800138000");
        Assert.Equal("13800138000", phone.PurePhoneNumber);
        Assert.Equal("86", phone.CountryCode);
    }

    [Fact]
    public async Task Phone_number_with_an_invalid_code_is_40029()
    {
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.GetPhoneNumberAsync("invalid-phone-code"));
        Assert.Equal(WeChatErrorCodes.InvalidCode, e.ErrCode);
    }

    [Theory]
    [InlineData("周六上午十点在小区会议室开会", ContentSuggestion.Pass, 100)]
    [InlineData("有意者加微信详谈", ContentSuggestion.Review, 10001)]
    [InlineData("线上赌博平台", ContentSuggestion.Risky, 20006)]
    public async Task MsgSecCheck_maps_the_suggestion_and_label(string content, ContentSuggestion expected, int label)
    {
        var openId = (await _h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
        var verdict = await _h.MiniProgram.MsgSecCheckAsync(openId, ContentScene.Comment, content);
        Assert.Equal(expected, verdict.Suggestion);
        Assert.Equal(label, verdict.Label);
        Assert.False(string.IsNullOrEmpty(verdict.TraceId));
    }

    [Fact]
    public async Task MsgSecCheck_refuses_content_over_2500_characters_before_calling_WeChat()
    {
        var openId = (await _h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
        await Assert.ThrowsAsync<ArgumentException>(() => _h.MiniProgram.MsgSecCheckAsync(openId, ContentScene.Forum, new string('好', 2501)));
        Assert.Equal(0, _h.Simulator.Counters.StableTokenRequests);
        var atLimit = await _h.MiniProgram.MsgSecCheckAsync(openId, ContentScene.Forum, new string('好', 2500));
        Assert.Equal(ContentSuggestion.Pass, atLimit.Suggestion);
    }

    [Fact]
    public async Task MsgSecCheck_treats_a_nonzero_errcode_as_a_call_failure()
    {
        var openId = (await _h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
        _h.Simulator.Faults.Inject(SimulatorPaths.MsgSecCheck, Fault.WeChatError(WeChatErrorCodes.RateLimited));
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.MsgSecCheckAsync(openId, ContentScene.Profile, "你好"));
        Assert.Equal(WeChatErrorCodes.RateLimited, e.ErrCode);
    }
}
