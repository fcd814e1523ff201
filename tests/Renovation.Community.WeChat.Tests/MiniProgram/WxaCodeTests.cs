using Renovation.Community.WeChat.MiniProgram;
using Renovation.Community.WeChat.Tests.Support;
using Renovation.Community.WeChatSimulator.Faults;
using Renovation.Community.WeChatSimulator.MiniProgram;

namespace Renovation.Community.WeChat.Tests.MiniProgram;

/// <summary>getwxacodeunlimit: an image on success, JSON with an errcode on failure.</summary>
public sealed class WxaCodeTests : IAsyncLifetime
{
    private WeChatHarness _h = null!;

    public async Task InitializeAsync() => _h = await WeChatHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task The_code_is_a_png_for_the_scene_and_page_asked_for()
    {
        var scene = Guid.NewGuid().ToString("N");
        var png = await _h.MiniProgram.GetUnlimitedWxaCodeAsync(new WxaCodeRequest(scene, "pages/console-sign-in/index") { EnvVersion = "trial", CheckPath = false });

        Assert.Equal(scene, WxaCodeImage.SceneOf(png));
        var drawn = Assert.Single(_h.Simulator.MiniProgram.DrawnCodes);
        Assert.Equal((scene, "pages/console-sign-in/index", "trial"), (drawn.Scene, drawn.Page, drawn.EnvVersion));
        // Nothing scans it: the simulator's page shows the scene a phone would read.
        using var browser = new HttpClient();
        Assert.Contains($"<code>{scene}</code>", await browser.GetStringAsync(_h.Simulator.BaseUrl + "/"));
    }

    [Fact]
    public async Task A_scene_over_32_characters_is_refused_before_calling_WeChat()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _h.MiniProgram.GetUnlimitedWxaCodeAsync(new WxaCodeRequest(new string('a', 33))));
        Assert.Equal(0, _h.Simulator.Counters.StableTokenRequests);
    }

    [Fact]
    public async Task WeChats_json_error_instead_of_an_image_is_a_call_failure_with_its_errcode()
    {
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.GetUnlimitedWxaCodeAsync(new WxaCodeRequest("票据")));
        Assert.Equal(40169, e.ErrCode);
        _h.Simulator.Faults.Inject(SimulatorPaths.WxaCodeUnlimit, Fault.WeChatError(45009));
        e = await Assert.ThrowsAsync<WeChatApiException>(() => _h.MiniProgram.GetUnlimitedWxaCodeAsync(new WxaCodeRequest("abc")));
        Assert.Equal(45009, e.ErrCode);
        Assert.Empty(_h.Simulator.MiniProgram.DrawnCodes);
    }

    [Fact]
    public async Task A_stale_access_token_is_renewed_once_and_the_code_drawn()
    {
        await _h.MiniProgram.GetUnlimitedWxaCodeAsync(new WxaCodeRequest("first"));
        _h.Simulator.ExpireAccessToken(WeChatErrorCodes.AccessTokenExpired);

        var png = await _h.MiniProgram.GetUnlimitedWxaCodeAsync(new WxaCodeRequest("second"));

        Assert.Equal("second", WxaCodeImage.SceneOf(png));
        Assert.Equal(2, _h.Simulator.Counters.StableTokenRequests);
    }
}
