using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChat.Pay.Notifications;
using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Pay.Refunds;
using Renovation.Community.WeChat.Pay.Signing;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// WeChat Pay's notify URL (anonymous; WeChat drops query strings, so nothing is read from one). A notification
/// that cannot be proven WeChat's (forged, SIGNTEST probe, stale timestamp, undecryptable) gets a FAIL answer so
/// WeChat retries and nothing is kept; a verified one is kept and applied through <see cref="PaymentSettlement"/>
/// (unknown order or wrong amount → incident, no credit) and answered 204. Nothing slow happens before the answer:
/// refunds that follow are sent by the sweep.
/// </summary>
public static class PaymentNotifications
{
    public const string DefaultPath = "/api/v1/payments/wechat-notify";
    private const int MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> ReceiveAsync(HttpRequest request, IServiceProvider services, TimeProvider clock,
        ILoggerFactory logs, CancellationToken ct)
    {
        var logger = logs.CreateLogger(typeof(PaymentNotifications));
        var body = await ReadBodyAsync(request, ct);
        if (body is null)
            return Fail(StatusCodes.Status413PayloadTooLarge, "body too large");

        WeChatPayNotification notification;
        try
        {
            var reader = services.GetRequiredService<WeChatPayNotificationReader>();
            notification = reader.Read(WeChatPaySignatureHeaders.From(name => request.Headers[name].ToString() is { Length: > 0 } v ? v : null), body);
        }
        catch (WeChatPaySignatureException e)
        {
            logger.LogWarning("Refused a payment notification that is not provably WeChat Pay's: {Reason}", e.Message);
            return Fail(StatusCodes.Status401Unauthorized, "签名验证失败");
        }
        catch (WeChatPayNotificationException e)
        {
            logger.LogWarning("Refused a payment notification that could not be decrypted: {Reason}", e.Message);
            return Fail(StatusCodes.Status400BadRequest, "解密失败");
        }

        PayTransaction? transaction = null;
        PayRefund? refund = null;
        string? refundMchId = null;
        string? outTradeNo, outRefundNo = null, transactionId, state;
        long? amountFen;
        try
        {
            if (notification.IsTransaction)
            {
                transaction = notification.ReadTransaction();
                (outTradeNo, transactionId, state, amountFen) =
                    (transaction.OutTradeNo, transaction.TransactionId, transaction.TradeState, transaction.Amount?.TotalFen);
            }
            else if (notification.IsRefund)
            {
                var resource = notification.ReadRefund();
                refund = ToRefund(resource);
                refundMchId = resource.MchId;
                (outTradeNo, outRefundNo, transactionId, state, amountFen) = (resource.OutTradeNo, resource.OutRefundNo,
                    resource.TransactionId, resource.RefundStatus, resource.Amount?.RefundFen);
            }
            else
            {
                (outTradeNo, transactionId, state, amountFen) = (null, null, null, null);
            }
        }
        catch (Exception e) when (e is WeChatPayNotificationException or System.Text.Json.JsonException)
        {
            logger.LogWarning("A verified notification {NotificationId} has an unreadable resource: {Reason}", notification.Id, e.Message);
            return Fail(StatusCodes.Status400BadRequest, "通知内容无法解析");
        }

        var record = new PaymentNotificationRecord(notification.Id, notification.EventType, Cut(outTradeNo, 32), Cut(outRefundNo, 64),
            Cut(transactionId, 32), Cut(state, 32), amountFen, Cut(notification.ResourceJson, 8000)!, clock.GetUtcNow());
        var settlement = services.GetRequiredService<PaymentSettlement>();
        var outcome = await settlement.ApplyNotificationAsync(record, transaction, refund, refundMchId, ct);
        logger.LogInformation("Payment notification {NotificationId} {EventType} for {OutTradeNo}: {Outcome}",
            notification.Id, notification.EventType, outTradeNo, outcome);
        return Results.NoContent();
    }

    private static PayRefund ToRefund(RefundNotificationResource r) => new()
    {
        RefundId = r.RefundId,
        OutRefundNo = r.OutRefundNo,
        OutTradeNo = r.OutTradeNo,
        TransactionId = r.TransactionId,
        Status = r.RefundStatus,
        SuccessTime = r.SuccessTime,
        Amount = r.Amount,
    };

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
                return null;
        }
        return buffer.ToArray();
    }

    /// <summary>WeChat Pay's failure shape; any non-2xx makes it redeliver.</summary>
    private static IResult Fail(int status, string message) =>
        Results.Json(new { code = "FAIL", message }, statusCode: status);

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
