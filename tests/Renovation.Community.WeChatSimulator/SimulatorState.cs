using System.Collections.Concurrent;
using Renovation.Community.WeChatSimulator.Faults;
using Renovation.Community.WeChatSimulator.MiniProgram;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.WeChatSimulator;

/// <summary>Everything the endpoints share.</summary>
internal sealed class SimulatorState(SimulatorOptions options, SimulatorKeys keys, string appSecret)
{
    public SimulatorOptions Options { get; } = options;

    public SimulatorKeys Keys { get; } = keys;

    public string AppSecret { get; } = appSecret;

    public SimulatorCounters Counters { get; } = new();

    public FaultInjector Faults { get; } = new();

    public OrderBook Orders { get; } = new();

    /// <summary>Refunds stay PROCESSING (accepted, not paid back) until <see cref="WeChatSimulatorServer.SettleRefund"/>.</summary>
    public volatile bool HoldRefunds;

    public MiniProgramBackend MiniProgram { get; } = new(options.AppId);

    public AccessTokenBook AccessTokens => _accessTokens ??= new AccessTokenBook(Options, Counters);

    public ConcurrentDictionary<string, byte[]> Bills { get; } = new(StringComparer.Ordinal);

    public BillFaults BillFaults { get; } = new();

    public NotificationSender Notifications { get; set; } = null!;

    public string BaseUrl { get; set; } = "";

    /// <summary>Null unless <see cref="SimulatorOptions.StateDirectory"/> is set.</summary>
    public SimulatorStateFile? StateFile { get; set; }

    public int Port { get; set; }

    /// <summary>Called after every change to the order book.</summary>
    public void Persist() => StateFile?.Save(Port, Orders);

    public SimulatorSigningKey SigningKey { get; set; } = SimulatorSigningKey.PublicKey;

    private AccessTokenBook? _accessTokens;
}
