using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.Configuration;
using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Pay.Refunds;
using Renovation.Community.WeChat.Pay.Signing;
using Renovation.Community.WeChat.Pay.TradeBills;

namespace Renovation.Community.WeChat.Pay;

internal sealed class WeChatPayClient(
    HttpClient http,
    WeChatPayKeyRing keys,
    IOptions<WeChatOptions> options,
    TimeProvider time) : IWeChatPayClient
{
    private WeChatOptions Options => options.Value;

    public async Task<JsapiOrder> CreateJsapiOrderAsync(JsapiOrderRequest order, CancellationToken cancellationToken = default)
    {
        PayRequestRules.CheckOrder(order);
        var notifyUrl = order.NotifyUrl ?? Options.Pay.NotifyUrl;
        CheckNotifyUrl(notifyUrl);
        var body = new
        {
            appid = Options.MiniProgram.AppId,
            mchid = Options.Pay.MchId,
            description = order.Description,
            out_trade_no = order.OutTradeNo,
            time_expire = order.TimeExpire?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            attach = order.Attach,
            notify_url = notifyUrl,
            amount = new { total = order.AmountFen, currency = "CNY" },
            payer = new { openid = order.PayerOpenId },
        };
        var answer = await SendAsync<PrepayAnswer>(HttpMethod.Post, "/v3/pay/transactions/jsapi", body, cancellationToken);
        return new JsapiOrder(answer!.PrepayId);
    }

    public RequestPaymentParameters BuildRequestPayment(string prepayId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prepayId);
        var appId = Options.MiniProgram.AppId;
        var timeStamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WeChatPaySigner.NewNonce();
        var package = $"prepay_id={prepayId}";
        var paySign = WeChatPaySigner.Sign(keys.MerchantPrivateKey, $"{appId}\n{timeStamp}\n{nonce}\n{package}\n");
        return new RequestPaymentParameters(appId, timeStamp, nonce, package, "RSA", paySign);
    }

    public async Task<PayTransaction> QueryOrderAsync(string outTradeNo, CancellationToken cancellationToken = default)
    {
        PayRequestRules.CheckOutTradeNo(outTradeNo);
        var path = $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}?mchid={Uri.EscapeDataString(Options.Pay.MchId)}";
        return (await SendAsync<PayTransaction>(HttpMethod.Get, path, null, cancellationToken))!;
    }

    public async Task CloseOrderAsync(string outTradeNo, CancellationToken cancellationToken = default)
    {
        PayRequestRules.CheckOutTradeNo(outTradeNo);
        var path = $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}/close";
        await SendAsync<object>(HttpMethod.Post, path, new { mchid = Options.Pay.MchId }, cancellationToken);
    }

    public async Task<PayRefund> RefundAsync(RefundRequest refund, CancellationToken cancellationToken = default)
    {
        PayRequestRules.CheckOutTradeNo(refund.OutTradeNo);
        PayRequestRules.CheckOutRefundNo(refund.OutRefundNo);
        if (refund.RefundFen <= 0 || refund.RefundFen > refund.TotalFen)
        {
            throw new ArgumentException($"refund {refund.RefundFen} fen must be positive and at most the order's {refund.TotalFen} fen.", nameof(refund));
        }
        if (refund.NotifyUrl is not null)
        {
            CheckNotifyUrl(refund.NotifyUrl);
        }
        var body = new
        {
            out_trade_no = refund.OutTradeNo,
            out_refund_no = refund.OutRefundNo,
            reason = refund.Reason,
            notify_url = refund.NotifyUrl,
            amount = new { refund = refund.RefundFen, total = refund.TotalFen, currency = "CNY" },
        };
        return (await SendAsync<PayRefund>(HttpMethod.Post, "/v3/refund/domestic/refunds", body, cancellationToken))!;
    }

    public async Task<PayRefund> QueryRefundAsync(string outRefundNo, CancellationToken cancellationToken = default)
    {
        PayRequestRules.CheckOutRefundNo(outRefundNo);
        return (await SendAsync<PayRefund>(HttpMethod.Get, $"/v3/refund/domestic/refunds/{Uri.EscapeDataString(outRefundNo)}", null, cancellationToken))!;
    }

    public async Task<TradeBillApplication> ApplyTradeBillAsync(DateOnly billDate, TradeBillType type = TradeBillType.All, CancellationToken cancellationToken = default)
    {
        var path = $"/v3/bill/tradebill?bill_date={billDate:yyyy-MM-dd}&bill_type={type.ToString().ToUpperInvariant()}";
        try
        {
            var answer = await SendAsync<TradeBillAnswer>(HttpMethod.Get, path, null, cancellationToken);
            return TradeBillApplication.Ready(new TradeBillDownload(answer!.HashType, answer.HashValue, new Uri(answer.DownloadUrl)));
        }
        catch (WeChatPayApiException e) when (e.Code is WeChatPayErrorCodes.NoStatementExist or WeChatPayErrorCodes.StatementCreating)
        {
            return TradeBillApplication.TryLater(e.Code, e.Detail);
        }
    }

    public async Task DownloadTradeBillAsync(TradeBillDownload download, Stream destination, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(download.HashType, "SHA1", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Bill hash type {download.HashType} is not supported.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, download.DownloadUrl);
        request.Options.Set(WeChatPaySigningHandler.SkipResponseVerification, true);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await ThrowIfErrorAsync(response, cancellationToken);

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        // The download answer is not signed; the SHA1 from the signed tradebill answer is what vouches for it.
#pragma warning disable CA5350 // WeChat Pay announces SHA1; we only compare, we do not rely on SHA1 for secrecy.
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha1.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        var actual = Convert.ToHexString(sha1.GetHashAndReset());
        if (!string.Equals(actual, download.HashValue, StringComparison.OrdinalIgnoreCase))
        {
            throw new TradeBillHashMismatchException($"The trade bill's SHA1 is {actual.ToLowerInvariant()}, WeChat Pay announced {download.HashValue}.");
        }
    }

    private void CheckNotifyUrl(string notifyUrl)
    {
        var problem = NotifyUrlRule.Check(notifyUrl, allowHttp: Options.Mode == WeChatMode.Simulator);
        if (problem is not null)
        {
            throw new ArgumentException($"notify_url {problem}", nameof(notifyUrl));
        }
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            // Serialize once into a string: the signature covers exactly these bytes.
            request.Content = new StringContent(JsonSerializer.Serialize(body, WeChatJson.Options), Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request, cancellationToken);
        await ThrowIfErrorAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(object))
        {
            return default;
        }
        return await response.Content.ReadFromJsonAsync<T>(WeChatJson.Options, cancellationToken);
    }

    private static async Task ThrowIfErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ErrorAnswer? error = null;
        try
        {
            error = JsonSerializer.Deserialize<ErrorAnswer>(text, WeChatJson.Options);
        }
        catch (JsonException)
        {
            // Proxies answer with HTML; report the status and the start of the text instead.
        }
        throw new WeChatPayApiException(response.StatusCode, error?.Code ?? $"HTTP_{(int)response.StatusCode}", error?.Message ?? text[..Math.Min(text.Length, 200)]);
    }

    private sealed record PrepayAnswer(string PrepayId);

    private sealed record TradeBillAnswer(string HashType, string HashValue, string DownloadUrl);

    private sealed record ErrorAnswer(string? Code, string? Message);
}
