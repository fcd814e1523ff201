namespace Renovation.Community.WeChat.Configuration;

/// <summary>Where WeChat calls go: the real hosts, or the loopback simulator used by tests and the quick-start.</summary>
public enum WeChatMode
{
    Real = 0,
    Simulator = 1,
}

/// <summary>The <c>WeChat</c> configuration section.</summary>
public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";

    public WeChatMode Mode { get; set; } = WeChatMode.Real;

    public MiniProgramOptions MiniProgram { get; set; } = new();

    public WeChatPayOptions Pay { get; set; } = new();

    public WeChatHttpOptions Http { get; set; } = new();
}

public sealed class MiniProgramOptions
{
    public const string RealBaseUrl = "https://api.weixin.qq.com";

    public string AppId { get; set; } = "";

    public string AppSecret { get; set; } = "";

    /// <summary>Defaults to <see cref="RealBaseUrl"/> in Real mode; required in Simulator mode.</summary>
    public string? BaseUrl { get; set; }
}

public sealed class WeChatPayOptions
{
    public const string RealBaseUrl = "https://api.mch.weixin.qq.com";

    public string MchId { get; set; } = "";

    /// <summary>Serial number of the merchant API certificate (商户API证书序列号).</summary>
    public string MerchantSerialNo { get; set; } = "";

    /// <summary>PEM file of the merchant API private key (apiclient_key.pem).</summary>
    public string PrivateKeyPath { get; set; } = "";

    /// <summary>The APIv3 key (APIv3密钥): exactly 32 ASCII bytes.</summary>
    public string ApiV3Key { get; set; } = "";

    /// <summary>Platform certificate serial → PEM certificate file (平台证书). May be empty when a public key is configured.</summary>
    public Dictionary<string, string> PlatformCertificates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>WeChat Pay public key id, <c>PUB_KEY_ID_…</c> (微信支付公钥ID).</summary>
    public string? PublicKeyId { get; set; }

    /// <summary>PEM file of the WeChat Pay public key (pub_key.pem).</summary>
    public string? PublicKeyPath { get; set; }

    /// <summary>Defaults to <see cref="RealBaseUrl"/> in Real mode; required in Simulator mode.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Default notify_url for orders and refunds. Must be https without a query (http is allowed in Simulator mode).</summary>
    public string NotifyUrl { get; set; } = "";

    /// <summary>
    /// True when the section carries any value: a deployment without payments leaves it out entirely,
    /// and then nothing about WeChat Pay is validated or registered.
    /// </summary>
    internal bool IsConfigured =>
        !string.IsNullOrWhiteSpace(MchId) || !string.IsNullOrWhiteSpace(MerchantSerialNo) ||
        !string.IsNullOrWhiteSpace(PrivateKeyPath) || !string.IsNullOrWhiteSpace(ApiV3Key) ||
        PlatformCertificates.Count > 0 || !string.IsNullOrWhiteSpace(PublicKeyId) ||
        !string.IsNullOrWhiteSpace(PublicKeyPath) || !string.IsNullOrWhiteSpace(NotifyUrl);
}

/// <summary>Timeouts and retries of the WeChat HTTP clients.</summary>
public sealed class WeChatHttpOptions
{
    public double AttemptTimeoutSeconds { get; set; } = 10;

    public double TotalTimeoutSeconds { get; set; } = 30;

    public int MaxRetryAttempts { get; set; } = 2;

    public double RetryBaseDelayMilliseconds { get; set; } = 500;

    /// <summary>Tokens are renewed this long before WeChat would expire them.</summary>
    public double AccessTokenRefreshMarginSeconds { get; set; } = 300;
}
