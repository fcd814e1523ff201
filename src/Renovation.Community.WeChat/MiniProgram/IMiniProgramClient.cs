using Renovation.Community.WeChat.MiniProgram.SubscribeMessages;

namespace Renovation.Community.WeChat.MiniProgram;

/// <summary>
/// The mini-program server API (api.weixin.qq.com). Errors WeChat reports surface as
/// <see cref="WeChatApiException"/> with <see cref="WeChatErrorCodes"/>; a stale access token is renewed
/// and the call retried once without the caller noticing.
/// </summary>
public interface IMiniProgramClient
{
    /// <summary>GET /sns/jscode2session: exchanges a <c>wx.login</c> code (single use) for the openid.</summary>
    Task<Code2SessionResult> Code2SessionAsync(string jsCode, CancellationToken cancellationToken = default);

    /// <summary>POST /wxa/business/getuserphonenumber with the code from the phone-number button.</summary>
    Task<PhoneNumberInfo> GetPhoneNumberAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>POST /wxa/msg_sec_check (version 2). <paramref name="content"/> is at most 2500 characters.</summary>
    Task<ContentCheckResult> MsgSecCheckAsync(string openId, ContentScene scene, string content, CancellationToken cancellationToken = default);

    /// <summary>
    /// POST /wxa/getwxacodeunlimit: a mini-program code (PNG) that opens <see cref="WxaCodeRequest.Page"/> with
    /// <see cref="WxaCodeRequest.Scene"/> when scanned. WeChat answers the image, or JSON with an errcode on failure.
    /// </summary>
    Task<byte[]> GetUnlimitedWxaCodeAsync(WxaCodeRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// POST /cgi-bin/message/subscribe/send after checking every value against its keyword rule.
    /// Returns <see cref="SubscribeMessageOutcome.NotSubscribed"/> for 43101 instead of throwing.
    /// </summary>
    Task<SubscribeMessageOutcome> SendSubscribeMessageAsync(
        SubscribeMessage message,
        SubscribeValuePolicy policy = SubscribeValuePolicy.Refuse,
        CancellationToken cancellationToken = default);
}
