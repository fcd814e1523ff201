using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.AccessTokens;
using Renovation.Community.WeChat.Configuration;
using Renovation.Community.WeChat.MiniProgram;
using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChat.Pay.Notifications;
using Renovation.Community.WeChatSimulator;

namespace Renovation.Community.WeChat.Tests.Support;

/// <summary>A fresh simulator plus our WeChat services configured against it, the way the API host wires them.</summary>
public sealed class WeChatHarness : IAsyncDisposable
{
    private ServiceProvider _services = null!;

    private WeChatHarness(WeChatSimulatorServer simulator, NotifyReceiver receiver, string keyDirectory, TestClock clock, Dictionary<string, string?> settings)
    {
        Simulator = simulator;
        Receiver = receiver;
        KeyDirectory = keyDirectory;
        Clock = clock;
        Settings = settings;
    }

    public WeChatSimulatorServer Simulator { get; }

    /// <summary>Our notify endpoint; WeChat:Pay:NotifyUrl points at it.</summary>
    public NotifyReceiver Receiver { get; }

    public string KeyDirectory { get; }

    /// <summary>Our side's clock; the simulator keeps the real one.</summary>
    public TestClock Clock { get; }

    /// <summary>The WeChat:* settings the services were built from.</summary>
    public Dictionary<string, string?> Settings { get; }

    public IServiceProvider Services => _services;

    public IMiniProgramClient MiniProgram => _services.GetRequiredService<IMiniProgramClient>();

    public IWeChatPayClient Pay => _services.GetRequiredService<IWeChatPayClient>();

    public IAccessTokenProvider AccessTokens => _services.GetRequiredService<IAccessTokenProvider>();

    public WeChatPayNotificationReader NotificationReader => _services.GetRequiredService<WeChatPayNotificationReader>();

    public WeChatOptions Options => _services.GetRequiredService<IOptions<WeChatOptions>>().Value;

    public static async Task<WeChatHarness> StartAsync(
        Action<SimulatorOptions>? simulator = null,
        Action<Dictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var simulatorOptions = new SimulatorOptions { NotificationTimeScale = 0.001, ShareKeysWithinProcess = true };
        simulator?.Invoke(simulatorOptions);
        var sim = await WeChatSimulatorServer.StartAsync(simulatorOptions);
        var keyDirectory = Directory.CreateTempSubdirectory("wechat-tests-").FullName;

        WeChatHarness? harness = null;
        var receiver = await NotifyReceiver.StartAsync(() => harness!.NotificationReader);
        var settings = new Dictionary<string, string?>(sim.ClientSettings.ToConfiguration(keyDirectory, receiver.NotifyUrl))
        {
            // Short timeouts and back-off keep fault tests fast; production defaults are 10 s and 500 ms.
            ["WeChat:Http:AttemptTimeoutSeconds"] = "2",
            ["WeChat:Http:TotalTimeoutSeconds"] = "8",
            ["WeChat:Http:MaxRetryAttempts"] = "2",
            ["WeChat:Http:RetryBaseDelayMilliseconds"] = "20",
        };
        configure?.Invoke(settings);
        var clock = new TestClock();
        harness = new WeChatHarness(sim, receiver, keyDirectory, clock, settings)
        {
            _services = Build(settings, clock, services),
        };
        return harness;
    }

    /// <summary>Builds a provider from settings and runs the start-up validation, as a host would.</summary>
    public static ServiceProvider Build(IDictionary<string, string?> settings, TimeProvider clock, Action<IServiceCollection>? extra = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddWeChat(configuration);
        extra?.Invoke(services);
        var provider = services.BuildServiceProvider(validateScopes: true);
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
        Directory.Delete(KeyDirectory, recursive: true);
    }
}
