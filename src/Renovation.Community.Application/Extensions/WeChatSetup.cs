using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.ContentCheck;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.WeChatIntegration;
using Renovation.Community.WeChat.AccessTokens;
using Renovation.Community.WeChat.Configuration;
#if EMBED_WECHAT_SIMULATOR
using Renovation.Community.WeChatSimulator;
#endif

namespace Renovation.Community.Application.Extensions;

public static class WeChatSetup
{
    /// <summary>
    /// The WeChat clients. <c>WeChat:Mode</c> is <c>Real</c> (the default outside Development) or <c>Simulator</c>
    /// (the default in Development): with no <c>WeChat:MiniProgram:BaseUrl</c> given, an embedded loopback simulator
    /// is started so the quick-start can sign in and pay without a WeChat account.
    /// </summary>
    public static async Task<WebApplicationBuilder> AddWeChatAsync(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var mode = config["WeChat:Mode"] ?? (builder.Environment.IsDevelopment() ? "Simulator" : "Real");
        if (!Enum.TryParse<WeChatMode>(mode, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            throw new ConfigurationProblem($"WeChat:Mode '{mode}' is unknown: use Real or Simulator.");
        if (parsed == WeChatMode.Simulator && string.IsNullOrEmpty(config["WeChat:MiniProgram:BaseUrl"]))
            await StartEmbeddedSimulatorAsync(builder);

        builder.Services.AddWeChat(config);
        builder.Services.AddSingleton<IWeChatLogin, MiniProgramWeChatLogin>();
        builder.Services.AddScoped<IContentCheck, WeChatContentCheck>();
        var store = config["WeChat:AccessTokenStore"] ?? "Memory";
        switch (store.ToLowerInvariant())
        {
            case "memory":
                break;
            case "database":
                builder.Services.AddSingleton<IAccessTokenStore, DatabaseAccessTokenStore>();
                break;
            case "redis":
                if (string.IsNullOrEmpty(config.GetConnectionString("Redis")))
                    throw new ConfigurationProblem("WeChat:AccessTokenStore=Redis needs ConnectionStrings:Redis.");
                builder.Services.AddRedisConnection(config.GetConnectionString("Redis")!);
                builder.Services.AddWeChatRedisAccessTokenStore();
                break;
            default:
                throw new ConfigurationProblem($"WeChat:AccessTokenStore '{store}' is unknown: use Memory, Database or Redis.");
        }
        return builder;
    }

#if EMBED_WECHAT_SIMULATOR
    private static async Task StartEmbeddedSimulatorAsync(WebApplicationBuilder builder)
    {
        // It signs with the API's clock: WeChat's signatures must be within 5 minutes of the API's "now".
        var clock = builder.Services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance as TimeProvider;
        // Its port and orders live next to the quick-start's database, so a payment started before a restart can finish.
        var stateDirectory = Path.GetFullPath(builder.Configuration["WeChat:Simulator:StateDirectory"] ?? Path.Combine("data", "wechat-simulator"));
        var simulator = await WeChatSimulatorServer.StartAsync(new SimulatorOptions { Time = clock ?? TimeProvider.System, StateDirectory = stateDirectory });
        var keys = Path.Combine(Path.GetTempPath(), "renovation-wechat-simulator", Environment.ProcessId.ToString());
        // Notifications go where this API actually listens (--urls, ASPNETCORE_URLS), unless told otherwise.
        var publicUrl = builder.Configuration["WeChat:Simulator:NotifyBaseUrl"] ?? ApiListenAddress.From(builder.Configuration["urls"]);
        builder.Configuration.AddInMemoryCollection(
            simulator.ClientSettings.ToConfiguration(keys, $"{publicUrl}/api/v1/payments/wechat-notify"));
        // The container disposes it (stops the server) when the host shuts down.
        builder.Services.AddSingleton(simulator);
        builder.Services.AddHostedService(sp => new SimulatorAnnouncer(simulator, $"{publicUrl}/api/v1/payments/wechat-notify",
            sp.GetRequiredService<ILogger<WeChatSimulatorServer>>()));
    }

    private sealed class SimulatorAnnouncer(WeChatSimulatorServer simulator, string notifyUrl, ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            logger.LogInformation("WeChat simulator (login, pay page): {Url}", simulator.BaseUrl);
            logger.LogInformation("WeChat simulator posts payment notifications to {NotifyUrl}", notifyUrl);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
#else
    private static Task StartEmbeddedSimulatorAsync(WebApplicationBuilder builder) =>
        throw new ConfigurationProblem("WeChat:Mode=Simulator needs WeChat:MiniProgram:BaseUrl: this build (a Release publish) has no " +
            "embedded simulator. Start tests/Renovation.Community.WeChatSimulator.Host and point the settings at it, or use WeChat:Mode=Real.");
#endif
}
