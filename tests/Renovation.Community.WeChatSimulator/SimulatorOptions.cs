namespace Renovation.Community.WeChatSimulator;

/// <summary>How the simulator starts. Everything has a default; keys are generated at start and never stored.</summary>
public sealed class SimulatorOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    public string AppId { get; set; } = "wx5im0000000000001";

    /// <summary>Generated at start when null.</summary>
    public string? AppSecret { get; set; }

    public string MchId { get; set; } = "1900000109";

    /// <summary>
    /// The merchant's public key (PEM) to verify request signatures with. When null the simulator makes a
    /// merchant key pair itself and hands the private key out in <see cref="SimulatorClientSettings"/>.
    /// </summary>
    public string? MerchantPublicKeyPem { get; set; }

    /// <summary>Required with <see cref="MerchantPublicKeyPem"/>; generated otherwise.</summary>
    public string? MerchantSerialNo { get; set; }

    /// <summary>expires_in of issued access tokens.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Multiplies WeChat's notification retry schedule (15 s, 15 s, 30 s, 3 m, …). The default turns
    /// 15 s into 0.25 s; tests use 0.001.
    /// </summary>
    public double NotificationTimeScale { get; set; } = 1.0 / 60;

    /// <summary>msgSecCheck answers "risky" for content containing any of these.</summary>
    public IList<string> RiskyWords { get; } = ["赌博", "代开发票"];

    /// <summary>msgSecCheck answers "review" for content containing any of these.</summary>
    public IList<string> ReviewWords { get; } = ["加微信", "私下交易"];

    /// <summary>The clock used for signature windows; tests shift it.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>
    /// Reuse one set of generated keys for every simulator in this process (tests start hundreds; RSA
    /// generation dominates their start-up). Keys are still generated at run time, never stored.
    /// </summary>
    public bool ShareKeysWithinProcess { get; set; }

    /// <summary>Stop on Ctrl+C / SIGTERM (the standalone host); off when embedded in another host or a test run.</summary>
    public bool HandleConsoleSignals { get; set; }

    /// <summary>
    /// Where to keep the port and the order book across restarts (the quick-start's <c>data/wechat-simulator</c>); null
    /// keeps nothing (tests). With a saved port and <see cref="Port"/> 0 the simulator listens on the saved port again
    /// when it is free.
    /// </summary>
    public string? StateDirectory { get; set; }

    /// <summary>Send Kestrel and request logs to the console (the standalone host turns this on).</summary>
    public bool LogToConsole { get; set; }
}
