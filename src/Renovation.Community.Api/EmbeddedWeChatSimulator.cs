#if EMBED_WECHAT_SIMULATOR
using Renovation.Community.Application.Extensions;
using Renovation.Community.WeChatSimulator;
#else
using Renovation.Community.Application.Common;
#endif

namespace Renovation.Community.Api;

/// <summary>
/// The loopback WeChat simulator the quick-start, the tests and the benchmarks embed (<c>WeChat:Mode=Simulator</c>
/// without <c>WeChat:MiniProgram:BaseUrl</c>). It lives in the host, not the application, so a Release publish
/// (which leaves it out) recompiles only this project.
/// </summary>
public static class EmbeddedWeChatSimulator
{
#if EMBED_WECHAT_SIMULATOR
    public static async Task StartAsync(WebApplicationBuilder builder)
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
    public static Task StartAsync(WebApplicationBuilder builder) =>
        throw new ConfigurationProblem("WeChat:Mode=Simulator needs WeChat:MiniProgram:BaseUrl: this build (a Release publish) has no " +
            "embedded simulator. Start tests/Renovation.Community.WeChatSimulator.Host and point the settings at it, or use WeChat:Mode=Real.");
#endif
}
