namespace Renovation.Community.WeChat.MiniProgram;

/// <summary>api.weixin.qq.com answered with a non-zero <c>errcode</c>.</summary>
public sealed class WeChatApiException : Exception
{
    public WeChatApiException()
    {
    }

    public WeChatApiException(string message) : base(message)
    {
    }

    public WeChatApiException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public WeChatApiException(string api, int errCode, string? errMsg)
        : base($"WeChat {api} failed with errcode {errCode}: {errMsg}")
    {
        Api = api;
        ErrCode = errCode;
        ErrMsg = errMsg;
    }

    public string Api { get; } = "";

    /// <summary>See <see cref="WeChatErrorCodes"/>.</summary>
    public int ErrCode { get; }

    public string? ErrMsg { get; }

    /// <summary>The login code is wrong or already used: ask the mini-program for a new <c>wx.login</c> code.</summary>
    public bool IsBadLoginCode => ErrCode is WeChatErrorCodes.InvalidCode or WeChatErrorCodes.CodeBeenUsed;
}

/// <summary>The errcodes the backend branches on (from the mini-program server API documentation).</summary>
public static class WeChatErrorCodes
{
    public const int Ok = 0;

    /// <summary>System busy; try again shortly.</summary>
    public const int SystemBusy = -1;

    /// <summary>Invalid code (login or phone code).</summary>
    public const int InvalidCode = 40029;

    /// <summary>The login code was already used.</summary>
    public const int CodeBeenUsed = 40163;

    /// <summary>API call frequency limit reached.</summary>
    public const int RateLimited = 45011;

    /// <summary>High-risk user: login refused.</summary>
    public const int RiskyUser = 40226;

    /// <summary>Invalid credential: access token invalid or app secret wrong.</summary>
    public const int InvalidCredential = 40001;

    /// <summary>Invalid appid.</summary>
    public const int InvalidAppId = 40013;

    /// <summary>Invalid appsecret.</summary>
    public const int InvalidAppSecret = 40125;

    /// <summary>Access token expired.</summary>
    public const int AccessTokenExpired = 42001;

    /// <summary>Invalid access token.</summary>
    public const int InvalidAccessToken = 40014;

    /// <summary>The user has not subscribed (or used up their subscription) to the template.</summary>
    public const int UserNotSubscribed = 43101;

    /// <summary>A template value does not meet its keyword's rule.</summary>
    public const int InvalidTemplateValue = 47003;

    /// <summary>Invalid openid.</summary>
    public const int InvalidOpenId = 40003;

    /// <summary>Invalid template id.</summary>
    public const int InvalidTemplateId = 40037;

    /// <summary>Codes after which a fresh access token is worth one retry.</summary>
    public static bool MeansStaleAccessToken(int errCode) =>
        errCode is InvalidCredential or AccessTokenExpired or InvalidAccessToken;
}
