using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.Configuration;

namespace Renovation.Community.Application.Features.Notices;

/// <summary>
/// In WeChat's Simulator mode, hands a recorded consent to the simulator. Inside WeChat, <c>wx.requestSubscribeMessage</c>
/// tells WeChat the user's answer and the mini-program reports the same answer to us; the simulator has no WeChat
/// client, so without this it would hold no consent and refuse every message with 43101. On only with
/// <c>WeChat:Simulator:LearnConsents</c> (Development sets it) and Simulator mode; otherwise it does nothing, and tests
/// that grant the simulator's consents themselves (or prove a 43101) keep doing so.
/// </summary>
public sealed class SimulatorConsentRelay(IHttpClientFactory httpFactory, IOptions<WeChatOptions> wechat, IConfiguration config,
    ILogger<SimulatorConsentRelay> logger)
{
    public const string Setting = "WeChat:Simulator:LearnConsents";

    /// <summary>The simulator's stand-in for <c>wx.requestSubscribeMessage</c> (tests/Renovation.Community.WeChatSimulator).</summary>
    public const string ConsentsPath = "/simulator/subscribe-consents";

    public async Task RelayAsync(string openId, string templateId, ConsentResult result, CancellationToken ct)
    {
        var options = wechat.Value;
        if (!config.GetValue<bool>(Setting) || options.Mode != WeChatMode.Simulator || string.IsNullOrEmpty(options.MiniProgram.BaseUrl))
            return;
        try
        {
            using var http = httpFactory.CreateClient(nameof(SimulatorConsentRelay));
            using var response = await http.PostAsJsonAsync(new Uri(new Uri(options.MiniProgram.BaseUrl), ConsentsPath),
                new { openid = openId, templateId, result = result.ToString().ToLowerInvariant() }, ct);
            response.EnsureSuccessStatusCode();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // The consent is recorded with us; the simulator only misses it (its messages then get 43101, as WeChat's would).
            logger.LogWarning(e, "The WeChat simulator was not told of a subscribe consent for template {TemplateId}", templateId);
        }
    }
}
