using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Renovation.Community.WeChatSimulator.Faults;
using Renovation.Community.WeChatSimulator.MiniProgram;
using Renovation.Community.WeChatSimulator.Pages;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.WeChatSimulator;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that plays both api.weixin.qq.com and api.mch.weixin.qq.com.
/// <code>
/// await using var sim = await WeChatSimulatorServer.StartAsync(new SimulatorOptions());
/// configuration.AddInMemoryCollection(sim.ClientSettings.ToConfiguration(keyDir, notifyUrl));
/// </code>
/// </summary>
public sealed class WeChatSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorState _state;

    private WeChatSimulatorServer(WebApplication app, SimulatorState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>e.g. http://127.0.0.1:41234 — the base URL for both the mini-program and the Pay client.</summary>
    public string BaseUrl => _state.BaseUrl;

    public SimulatorClientSettings ClientSettings { get; private set; } = null!;

    public SimulatorCounters Counters => _state.Counters;

    public FaultInjector Faults => _state.Faults;

    public MiniProgramBackend MiniProgram => _state.MiniProgram;

    public OrderBook Orders => _state.Orders;

    /// <summary>Rows to leave out, add, change or duplicate in the trade bills served from now on.</summary>
    public BillFaults BillFaults => _state.BillFaults;

    public IReadOnlyCollection<NotificationDelivery> NotificationDeliveries => _state.Notifications.Deliveries.ToArray();

    /// <summary>Which key signs Pay answers and notifications from now on (both are in <see cref="ClientSettings"/>).</summary>
    public SimulatorSigningKey SigningKey
    {
        get => _state.SigningKey;
        set => _state.SigningKey = value;
    }

    /// <summary>Cancelled when the simulator stops (with <see cref="SimulatorOptions.HandleConsoleSignals"/>: on Ctrl+C or SIGTERM).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>The access token stable_token currently hands out, if any.</summary>
    public string? CurrentAccessToken => _state.AccessTokens.Current;

    public static async Task<WeChatSimulatorServer> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        var keys = SimulatorKeys.Generate(options);
        var state = new SimulatorState(options, keys, options.AppSecret ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
        state.Notifications = new NotificationSender(state);
        var port = options.Port;
        if (options.StateDirectory is not null)
        {
            state.StateFile = new SimulatorStateFile(options.StateDirectory);
            if (state.StateFile.Load() is { } saved)
            {
                state.StateFile.Restore(saved, state.Orders);
                if (port == 0 && IsFree(saved.Port))
                    port = saved.Port;
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WeChatSimulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        if (!options.HandleConsoleSignals)
        {
            // Embedded in a test run or the API host: Ctrl+C and SIGTERM belong to that host, not to us.
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        }
        builder.Logging.ClearProviders();
        if (options.LogToConsole)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        }
        var app = builder.Build();

        app.Use((context, next) => ApplyFaultsAsync(context, next, state));
        app.Use((context, next) =>
        {
            // Orders are created, closed and refunded by POSTs only; saved before the answer leaves, so a caller that
            // saw an order created can count on it surviving a restart.
            if (!HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.OnStarting(() =>
                {
                    state.Persist();
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
        app.Use((context, next) => CheckPaySignatureAsync(context, next, state));
        MiniProgramEndpoints.Map(app, state);
        PayEndpoints.Map(app, state);
        var server = new WeChatSimulatorServer(app, state);
        SimulatorPages.Map(app, server, state);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        state.BaseUrl = address.TrimEnd('/');
        state.Port = new Uri(state.BaseUrl).Port;
        state.Persist();
        server.ClientSettings = new SimulatorClientSettings(
            state.BaseUrl,
            options.AppId,
            state.AppSecret,
            options.MchId,
            keys.MerchantSerialNo,
            keys.MerchantPrivateKey?.ExportPkcs8PrivateKeyPem(),
            keys.ApiV3Key,
            keys.PlatformSerial,
            keys.PlatformCertificate.ExportCertificatePem(),
            keys.PublicKeyId,
            keys.PublicKey.ExportSubjectPublicKeyInfoPem());
        return server;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// The user pays <paramref name="outTradeNo"/>: the order becomes SUCCESS and a TRANSACTION.SUCCESS notification
    /// goes to its notify_url in the background. False when there is no unpaid order of that number.
    /// </summary>
    public Task<bool> PayAsync(string outTradeNo, PaymentOptions? options = null)
    {
        SimulatedOrder? order;
        lock (_state.Orders.Gate)
        {
            options ??= new PaymentOptions();
            order = _state.Orders.FindUnlocked(outTradeNo);
            if (order is null || !(order.TradeState == "NOTPAY" || (options.LateAfterClose && order.TradeState == "CLOSED")))
            {
                return Task.FromResult(false);
            }
            order.TradeState = "SUCCESS";
            order.SuccessTime = _state.Options.Time.GetUtcNow();
            order.TransactionId = "42000" + RandomNumberGenerator.GetString("0123456789", 23);
        }
        _state.Persist();
        if (!options.SuppressNotification)
        {
            _state.Notifications.SendTransaction(order, options);
        }
        return Task.FromResult(true);
    }

    /// <summary>
    /// Sends the TRANSACTION.SUCCESS notification of an order paid with <see cref="PaymentOptions.SuppressNotification"/>
    /// now: WeChat's news of a payment arriving late. False when the order is not paid.
    /// </summary>
    public bool NotifyPaid(string outTradeNo, PaymentOptions? options = null)
    {
        SimulatedOrder? order;
        lock (_state.Orders.Gate)
        {
            order = _state.Orders.FindUnlocked(outTradeNo);
            if (order is null || order.TradeState != "SUCCESS")
            {
                return false;
            }
        }
        _state.Notifications.SendTransaction(order, options ?? new PaymentOptions());
        return true;
    }

    /// <summary>
    /// A TRANSACTION.SUCCESS notification for an order of ours, encrypted and signed as WeChat Pay would send it, for a
    /// caller to POST itself (benchmarks). The order book is not consulted or changed.
    /// </summary>
    public SealedNotification SealTransactionNotification(string outTradeNo, long totalFen, string transactionId, string openId)
    {
        var order = new SimulatedOrder(outTradeNo, _state.Options.AppId, _state.Options.MchId, "", totalFen, openId, "", null, _state.Options.Time.GetUtcNow())
        {
            TradeState = "SUCCESS",
            TransactionId = transactionId,
            SuccessTime = _state.Options.Time.GetUtcNow(),
        };
        var plaintext = System.Text.Json.JsonSerializer.Serialize(TransactionJson.For(order), SignedPayResult.Json);
        var (body, headers) = _state.Notifications.Seal(Guid.NewGuid().ToString(), "TRANSACTION.SUCCESS", "支付成功", "transaction", plaintext, NotificationTamper.None);
        return new SealedNotification(body, new Dictionary<string, string>
        {
            ["Wechatpay-Serial"] = headers.Serial,
            ["Wechatpay-Timestamp"] = headers.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Wechatpay-Nonce"] = headers.Nonce,
            ["Wechatpay-Signature"] = headers.Signature,
            ["Wechatpay-Signature-Type"] = "WECHATPAY2-SHA256-RSA2048",
        });
    }

    /// <summary>While true, new refunds answer PROCESSING and stay so (accepted, not yet paid back) until <see cref="SettleRefund"/>.</summary>
    public bool HoldRefunds
    {
        get => _state.HoldRefunds;
        set => _state.HoldRefunds = value;
    }

    /// <summary>A held refund succeeds now and its REFUND.SUCCESS notification is sent (when it had a notify_url).</summary>
    public bool SettleRefund(string outRefundNo, PaymentOptions? options = null)
    {
        SimulatedRefund? refund;
        lock (_state.Orders.Gate)
        {
            refund = _state.Orders.FindRefundUnlocked(outRefundNo);
            if (refund is null || refund.Status != "PROCESSING")
            {
                return false;
            }
            refund.Status = "SUCCESS";
            refund.SuccessTime = _state.Options.Time.GetUtcNow();
        }
        _state.Persist();
        if (!string.IsNullOrEmpty(refund.NotifyUrl))
        {
            _state.Notifications.SendRefund(refund, options ?? new PaymentOptions());
        }
        return true;
    }

    /// <summary>Ends the current access token: calls with it answer 42001 (expired) or 40001 (invalid).</summary>
    public void ExpireAccessToken(int errCode = 42001) => _state.AccessTokens.Kill(errCode);

    /// <summary>Polls the delivery log until <paramref name="match"/> is seen.</summary>
    public async Task<NotificationDelivery> WaitForDeliveryAsync(Func<NotificationDelivery, bool> match, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var found = _state.Notifications.Deliveries.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"No matching notification delivery within {timeout}. Seen: {string.Join("; ", NotificationDeliveries)}");
    }

    public async ValueTask DisposeAsync()
    {
        await _state.Notifications.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _state.Keys.Dispose();
    }

    private static async Task ApplyFaultsAsync(HttpContext context, RequestDelegate next, SimulatorState state)
    {
        var path = context.Request.Path.Value ?? "/";
        var fault = path.StartsWith("/simulator", StringComparison.Ordinal) || path == "/" ? null : state.Faults.Take(path);
        if (fault is null)
        {
            await next(context);
            return;
        }
        state.Counters.FaultServed();
        switch (fault.Kind)
        {
            case FaultKind.Delay:
                // If the client gives up first, the request is aborted and never served: a clean timeout.
                await Task.Delay(fault.Delay, context.RequestAborted);
                await next(context);
                return;
            case FaultKind.HttpStatus:
                context.Response.StatusCode = fault.StatusCode;
                await context.Response.WriteAsync("<html><body>simulated upstream failure</body></html>");
                return;
            case FaultKind.WeChatErrCode:
                await MiniProgramEndpoints.Error(fault.ErrCode, "simulated error").ExecuteAsync(context);
                return;
            case FaultKind.PayError:
                await SignedPayResult.Error(state, fault.StatusCode, fault.Code ?? "SYSTEM_ERROR", "模拟的错误").ExecuteAsync(context);
                return;
            default:
                // Signature and bill faults spoil the answer, which the endpoint produces as usual.
                context.Items[SignedPayResult.ResponseFaultKey] = fault;
                await next(context);
                return;
        }
    }

    private static async Task CheckPaySignatureAsync(HttpContext context, RequestDelegate next, SimulatorState state)
    {
        if (!(context.Request.Path.Value ?? "").StartsWith("/v3/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        // The signature covers the path as sent, before any decoding: use the raw request target.
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var problem = PaySignatures.CheckRequest(context.Request.Headers.Authorization, context.Request.Method, rawTarget, body,
            state.Keys, state.Options.MchId, state.Options.Time.GetUtcNow());
        if (problem is not null)
        {
            state.Counters.PaySignatureRejected();
            await SignedPayResult.Error(state, 401, "SIGN_ERROR", "签名错误: " + problem).ExecuteAsync(context);
            return;
        }
        state.Counters.PayRequestAccepted();
        context.Items[PayEndpoints.BodyKey] = body;
        await next(context);
    }

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>A notification ready to POST: the JSON body and the Wechatpay-* headers.</summary>
public sealed record SealedNotification(byte[] Body, IReadOnlyDictionary<string, string> Headers);
