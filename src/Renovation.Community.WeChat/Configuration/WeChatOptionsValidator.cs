using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.Pay.Signing;

namespace Renovation.Community.WeChat.Configuration;

/// <summary>
/// Runs at start (ValidateOnStart) so a missing secret or unreadable key file stops the host with one
/// clear line per problem instead of failing on the first payment.
/// </summary>
internal sealed class WeChatOptionsValidator : IValidateOptions<WeChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        var problems = new List<string>();
        ValidateMiniProgram(options, problems);
        if (options.Pay.IsConfigured)
        {
            ValidatePay(options, problems);
        }
        ValidateHttp(options.Http, problems);
        // One failure whose message has one line per problem: that is what a host prints when it refuses to start.
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("WeChat configuration is invalid:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)));
    }

    private static void ValidateMiniProgram(WeChatOptions options, List<string> problems)
    {
        var mp = options.MiniProgram;
        if (string.IsNullOrWhiteSpace(mp.AppId))
        {
            problems.Add("WeChat:MiniProgram:AppId is missing.");
        }
        if (string.IsNullOrWhiteSpace(mp.AppSecret))
        {
            problems.Add("WeChat:MiniProgram:AppSecret is missing.");
        }
        ValidateBaseUrl(options.Mode, mp.BaseUrl, "WeChat:MiniProgram:BaseUrl", problems);
    }

    private static void ValidatePay(WeChatOptions options, List<string> problems)
    {
        var pay = options.Pay;
        if (string.IsNullOrWhiteSpace(pay.MchId))
        {
            problems.Add("WeChat:Pay:MchId is missing.");
        }
        if (string.IsNullOrWhiteSpace(pay.MerchantSerialNo))
        {
            problems.Add("WeChat:Pay:MerchantSerialNo is missing (the serial of the merchant API certificate).");
        }
        if (Encoding.UTF8.GetByteCount(pay.ApiV3Key ?? "") != 32)
        {
            problems.Add($"WeChat:Pay:ApiV3Key must be exactly 32 bytes (it is {Encoding.UTF8.GetByteCount(pay.ApiV3Key ?? "")}).");
        }

        TryLoad("WeChat:Pay:PrivateKeyPath", pay.PrivateKeyPath, PemFiles.ReadPrivateKey, problems);

        var hasPublicKey = !string.IsNullOrWhiteSpace(pay.PublicKeyId) || !string.IsNullOrWhiteSpace(pay.PublicKeyPath);
        if (pay.PlatformCertificates.Count == 0 && !hasPublicKey)
        {
            problems.Add("WeChat:Pay needs PlatformCertificates (serial → PEM path) and/or PublicKeyId + PublicKeyPath to verify WeChat Pay.");
        }
        if (hasPublicKey)
        {
            if (string.IsNullOrWhiteSpace(pay.PublicKeyId) || !pay.PublicKeyId.StartsWith(WeChatPayKeyRing.PublicKeyIdPrefix, StringComparison.Ordinal))
            {
                problems.Add($"WeChat:Pay:PublicKeyId must start with {WeChatPayKeyRing.PublicKeyIdPrefix}.");
            }
            TryLoad("WeChat:Pay:PublicKeyPath", pay.PublicKeyPath, PemFiles.ReadPublicKey, problems);
        }
        foreach (var (serial, path) in pay.PlatformCertificates)
        {
            TryLoad($"WeChat:Pay:PlatformCertificates:{serial}", path, p => PemFiles.ReadPlatformCertificate(p, serial), problems);
        }

        ValidateBaseUrl(options.Mode, pay.BaseUrl, "WeChat:Pay:BaseUrl", problems);
        var notifyProblem = NotifyUrlRule.Check(pay.NotifyUrl, allowHttp: options.Mode == WeChatMode.Simulator);
        if (notifyProblem is not null)
        {
            problems.Add($"WeChat:Pay:NotifyUrl {notifyProblem}");
        }
    }

    private static void ValidateHttp(WeChatHttpOptions http, List<string> problems)
    {
        if (http.AttemptTimeoutSeconds <= 0 || http.TotalTimeoutSeconds < http.AttemptTimeoutSeconds)
        {
            problems.Add("WeChat:Http:AttemptTimeoutSeconds must be positive and not above TotalTimeoutSeconds.");
        }
        if (http.MaxRetryAttempts is < 1 or > 10)
        {
            problems.Add("WeChat:Http:MaxRetryAttempts must be between 1 and 10.");
        }
    }

    private static void ValidateBaseUrl(WeChatMode mode, string? baseUrl, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            // Never fall back to the real hosts in Simulator mode: fake credentials must not reach WeChat.
            if (mode == WeChatMode.Simulator)
            {
                problems.Add($"{key} is required in Simulator mode (the simulator's address).");
            }
            return;
        }
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            problems.Add($"{key} '{baseUrl}' is not an absolute URL.");
        }
        else if (mode == WeChatMode.Real && uri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{key} must be https in Real mode.");
        }
    }

    private static void TryLoad<T>(string key, string? path, Func<string, T> load, List<string> problems)
        where T : IDisposable
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"{key} is missing.");
            return;
        }
        try
        {
            using var loaded = load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException or InvalidOperationException)
        {
            problems.Add($"{key} '{path}' cannot be used: {e.Message}");
        }
    }
}
