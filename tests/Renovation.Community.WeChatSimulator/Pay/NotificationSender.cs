using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Renovation.Community.WeChatSimulator.Pay;

/// <summary>How a notification should misbehave, for testing the backend's defences.</summary>
public enum NotificationTamper
{
    None = 0,

    /// <summary>Signed with a key that is not WeChat Pay's.</summary>
    ForgedSignature = 1,

    /// <summary>A WECHATPAY/SIGNTEST/ probe signature.</summary>
    SignTestProbe = 2,

    /// <summary>Correctly signed, but the timestamp is 6 minutes old (a replay).</summary>
    StaleTimestamp = 3,

    /// <summary>Correctly signed, but encrypted with a different APIv3 key.</summary>
    WrongApiV3Key = 4,
}

/// <summary>Options for <see cref="WeChatSimulatorServer.PayAsync"/>.</summary>
public sealed record PaymentOptions
{
    /// <summary>Wait this long before the first delivery.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>After a successful delivery, send the same notification this many more times (WeChat does).</summary>
    public int Duplicates { get; init; }

    public NotificationTamper Tamper { get; init; }

    /// <summary>How many of the first attempts carry <see cref="Tamper"/>; later retries are genuine.</summary>
    public int TamperedAttempts { get; init; } = 1;

    /// <summary>The order is paid but no notification is ever sent (the backend must find out by querying).</summary>
    public bool SuppressNotification { get; init; }

    /// <summary>The notification reports this total instead of the order's (a wrong amount; the order book keeps the true one).</summary>
    public long? ReportedAmountFen { get; init; }

    /// <summary>A refund notification names this merchant instead of ours (a wrong mchid).</summary>
    public string? ReportedMchId { get; init; }

    /// <summary>
    /// Pays an order even if it was CLOSED: the payer had WeChat's cashier open when the merchant closed it, and the
    /// money arrives late. Without it a closed order cannot be paid.
    /// </summary>
    public bool LateAfterClose { get; init; }
}

/// <summary>One attempt to deliver a notification.</summary>
public sealed record NotificationDelivery(
    string NotificationId,
    string EventType,
    string OutTradeNo,
    int Attempt,
    bool IsDuplicate,
    NotificationTamper Tamper,
    int? StatusCode,
    string? Error,
    DateTimeOffset At)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>
/// Encrypts, signs and POSTs notifications, retrying on WeChat Pay's schedule scaled by
/// <see cref="SimulatorOptions.NotificationTimeScale"/>.
/// </summary>
internal sealed class NotificationSender(SimulatorState state) : IAsyncDisposable
{
    /// <summary>WeChat Pay's documented redelivery intervals.</summary>
    public static readonly TimeSpan[] RetrySchedule =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(3),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30),
        TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60), TimeSpan.FromHours(3), TimeSpan.FromHours(3),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(6),
    ];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public ConcurrentQueue<NotificationDelivery> Deliveries { get; } = new();

    public void SendTransaction(SimulatedOrder order, PaymentOptions options)
    {
        object resource;
        lock (state.Orders.Gate)
        {
            resource = TransactionJson.For(order, options.ReportedAmountFen);
        }
        Start(order.NotifyUrl, "TRANSACTION.SUCCESS", "支付成功", "transaction", resource, order.OutTradeNo, options);
    }

    public void SendRefund(SimulatedRefund refund, PaymentOptions options)
    {
        object resource;
        lock (state.Orders.Gate)
        {
            resource = RefundJson.NotificationResource(refund, options.ReportedMchId ?? state.Options.MchId);
        }
        Start(refund.NotifyUrl!, "REFUND." + refund.Status, "退款成功", "refund", resource, refund.Order.OutTradeNo, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Keys);
        }
        catch (OperationCanceledException)
        {
            // Expected: pending redeliveries are abandoned when the simulator stops.
        }
        _http.Dispose();
        _stopping.Dispose();
    }

    private void Start(string notifyUrl, string eventType, string summary, string originalType, object resource, string outTradeNo, PaymentOptions options)
    {
        var task = Task.Run(() => DeliverAsync(notifyUrl, eventType, summary, originalType, resource, outTradeNo, options, _stopping.Token));
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task DeliverAsync(string notifyUrl, string eventType, string summary, string originalType, object resource, string outTradeNo, PaymentOptions options, CancellationToken stopping)
    {
        var id = Guid.NewGuid().ToString();
        var plaintext = JsonSerializer.Serialize(resource, SignedPayResult.Json);
        await Task.Delay(options.Delay, stopping);

        var attempt = 0;
        var delivered = false;
        for (var retry = 0; retry <= RetrySchedule.Length && !delivered; retry++)
        {
            if (retry > 0)
            {
                await Task.Delay(Scaled(RetrySchedule[retry - 1]), stopping);
            }
            attempt++;
            var tamper = attempt <= options.TamperedAttempts ? options.Tamper : NotificationTamper.None;
            delivered = await PostAsync(notifyUrl, id, eventType, summary, originalType, plaintext, outTradeNo, attempt, isDuplicate: false, tamper, stopping);
        }
        for (var i = 0; i < options.Duplicates && delivered; i++)
        {
            await Task.Delay(Scaled(RetrySchedule[0]), stopping);
            attempt++;
            await PostAsync(notifyUrl, id, eventType, summary, originalType, plaintext, outTradeNo, attempt, isDuplicate: true, NotificationTamper.None, stopping);
        }
    }

    private async Task<bool> PostAsync(string notifyUrl, string id, string eventType, string summary, string originalType, string plaintext,
        string outTradeNo, int attempt, bool isDuplicate, NotificationTamper tamper, CancellationToken stopping)
    {
        var now = state.Options.Time.GetUtcNow();
        var (body, headers) = Seal(id, eventType, summary, originalType, plaintext, tamper);
        using var request = new HttpRequestMessage(HttpMethod.Post, notifyUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("Wechatpay-Serial", headers.Serial);
        request.Headers.TryAddWithoutValidation("Wechatpay-Timestamp", headers.Timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("Wechatpay-Nonce", headers.Nonce);
        request.Headers.TryAddWithoutValidation("Wechatpay-Signature", headers.Signature);
        request.Headers.TryAddWithoutValidation("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        try
        {
            using var response = await _http.SendAsync(request, stopping);
            var delivery = new NotificationDelivery(id, eventType, outTradeNo, attempt, isDuplicate, tamper, (int)response.StatusCode, null, now);
            Deliveries.Enqueue(delivery);
            return delivery.Succeeded;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stopping.IsCancellationRequested)
        {
            Deliveries.Enqueue(new NotificationDelivery(id, eventType, outTradeNo, attempt, isDuplicate, tamper, null, e.GetType().Name + ": " + e.Message, now));
            return false;
        }
    }

    /// <summary>The encrypted envelope and its Wechatpay-* signature, possibly spoiled as <paramref name="tamper"/> says.</summary>
    internal (byte[] Body, SignatureHeaders Headers) Seal(string id, string eventType, string summary, string originalType, string plaintext,
        NotificationTamper tamper)
    {
        var now = state.Options.Time.GetUtcNow();
        var key = tamper == NotificationTamper.WrongApiV3Key ? RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 32) : state.Keys.ApiV3Key;
        var nonce = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 12);
        var envelope = new
        {
            id,
            create_time = now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            resource_type = "encrypt-resource",
            event_type = eventType,
            summary,
            resource = new
            {
                original_type = originalType,
                algorithm = "AEAD_AES_256_GCM",
                ciphertext = Encrypt(key, nonce, originalType, plaintext),
                associated_data = originalType,
                nonce,
            },
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope, SignedPayResult.Json);
        var headers = SignatureHeaders.For(state, body, tamper switch
        {
            NotificationTamper.ForgedSignature => Faults.FaultKind.ForgedResponseSignature,
            NotificationTamper.SignTestProbe => Faults.FaultKind.SignTestResponseSignature,
            NotificationTamper.StaleTimestamp => Faults.FaultKind.StaleResponseSignature,
            _ => null,
        });
        return (body, headers);
    }

    /// <summary>AEAD_AES_256_GCM: nonce as UTF-8 bytes, tag appended to the ciphertext, base64.</summary>
    private static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[plain.Length + 16];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), 16);
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(sealedBytes);
    }

    private TimeSpan Scaled(TimeSpan interval) => TimeSpan.FromTicks((long)(interval.Ticks * state.Options.NotificationTimeScale));
}
