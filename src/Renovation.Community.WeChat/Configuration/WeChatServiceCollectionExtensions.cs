using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.AccessTokens;
using Renovation.Community.WeChat.MiniProgram;
using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChat.Pay.Notifications;
using Renovation.Community.WeChat.Pay.Signing;
using StackExchange.Redis;

namespace Renovation.Community.WeChat.Configuration;

internal static class WeChatHttpClientNames
{
    public const string MiniProgram = "WeChat.MiniProgram";
    public const string Pay = "WeChat.Pay";
}

public static class WeChatServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMiniProgramClient"/>, <see cref="IAccessTokenProvider"/> (in-memory store unless one is
    /// registered), <see cref="IWeChatPayClient"/> and <see cref="WeChatPayNotificationReader"/> from the
    /// <c>WeChat</c> section, validated when the host starts.
    /// </summary>
    public static IServiceCollection AddWeChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WeChatOptions>()
            .Bind(configuration.GetSection(WeChatOptions.SectionName))
            .ValidateOnStart();
        // Bound on its own so that configuring the HTTP pipeline does not re-run (and re-report) the validation above.
        services.AddOptions<WeChatHttpOptions>().Bind(configuration.GetSection(WeChatOptions.SectionName).GetSection("Http"));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<IAccessTokenStore, InMemoryAccessTokenStore>();
        services.TryAddSingleton<StableTokenClient>();
        services.TryAddSingleton<IAccessTokenProvider, AccessTokenProvider>();

        services.AddHttpClient<IMiniProgramClient, MiniProgramClient>(WeChatHttpClientNames.MiniProgram)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = new Uri(MiniProgramBaseUrl(Options(sp))))
            // The factory's request logs would carry access_token and secret in the URL; we log what matters ourselves.
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) =>
            {
                ApplyTimeouts(resilience, HttpOptions(sp));
                // A retried POST could send a subscribe message twice; only GETs (code2Session) are repeated.
                resilience.Retry.DisableForUnsafeHttpMethods();
            });

        services.TryAddSingleton(sp => WeChatPayKeyRing.Load(PayOptionsOrThrow(sp)));
        services.TryAddSingleton<WeChatPaySignatureVerifier>();
        services.TryAddSingleton<WeChatPayNotificationReader>();
        services.TryAddTransient<WeChatPaySigningHandler>();
        services.AddHttpClient<IWeChatPayClient, WeChatPayClient>(WeChatHttpClientNames.Pay)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = new Uri(PayBaseUrl(Options(sp))))
            .RemoveAllLoggers()
            // Every Pay call may be retried: queries are safe, and orders, refunds and closes carry the
            // merchant's own out_trade_no / out_refund_no, which WeChat Pay deduplicates.
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => ApplyTimeouts(resilience, HttpOptions(sp)));
        // Added after the resilience handler, so it runs inside it: every attempt is signed afresh.
        services.AddHttpClient(WeChatHttpClientNames.Pay).AddHttpMessageHandler<WeChatPaySigningHandler>();
        return services;
    }

    /// <summary>Keeps the access token in Redis so that every API node shares it. Needs an <see cref="IConnectionMultiplexer"/> registered.</summary>
    public static IServiceCollection AddWeChatRedisAccessTokenStore(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IAccessTokenStore>(sp => new RedisAccessTokenStore(sp.GetRequiredService<IConnectionMultiplexer>())));
        return services;
    }

    private static WeChatOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<WeChatOptions>>().Value;

    private static WeChatHttpOptions HttpOptions(IServiceProvider sp) => sp.GetRequiredService<IOptions<WeChatHttpOptions>>().Value;

    private static string MiniProgramBaseUrl(WeChatOptions options) =>
        string.IsNullOrWhiteSpace(options.MiniProgram.BaseUrl) ? MiniProgramOptions.RealBaseUrl : options.MiniProgram.BaseUrl;

    private static string PayBaseUrl(WeChatOptions options) =>
        string.IsNullOrWhiteSpace(options.Pay.BaseUrl) ? WeChatPayOptions.RealBaseUrl : options.Pay.BaseUrl;

    private static WeChatPayOptions PayOptionsOrThrow(IServiceProvider sp)
    {
        var pay = Options(sp).Pay;
        return pay.IsConfigured
            ? pay
            : throw new InvalidOperationException("WeChat Pay is not configured: set WeChat:Pay:MchId, MerchantSerialNo, PrivateKeyPath, ApiV3Key and the platform certificate or public key.");
    }

    private static void ApplyTimeouts(HttpStandardResilienceOptions resilience, WeChatHttpOptions http)
    {
        var attempt = TimeSpan.FromSeconds(http.AttemptTimeoutSeconds);
        resilience.AttemptTimeout.Timeout = attempt;
        resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(http.TotalTimeoutSeconds);
        resilience.Retry.MaxRetryAttempts = http.MaxRetryAttempts;
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(http.RetryBaseDelayMilliseconds);
        // The breaker's window must be at least twice the attempt timeout (checked by the library).
        resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, attempt.Ticks * 2));
    }
}
