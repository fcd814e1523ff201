using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Pay.Refunds;
using Renovation.Community.WeChat.Pay.TradeBills;

namespace Renovation.Community.WeChat.Pay;

/// <summary>
/// WeChat Pay API v3 for a mini-program merchant. Failures surface as <see cref="WeChatPayApiException"/>
/// (an error answer) or <see cref="WeChatPaySignatureException"/> (an answer that is not provably WeChat's).
/// </summary>
public interface IWeChatPayClient
{
    /// <summary>POST /v3/pay/transactions/jsapi. Safe to repeat with the same out_trade_no and the same content.</summary>
    Task<JsapiOrder> CreateJsapiOrderAsync(JsapiOrderRequest order, CancellationToken cancellationToken = default);

    /// <summary>Signs the parameters for <c>wx.requestPayment</c>; no network call.</summary>
    RequestPaymentParameters BuildRequestPayment(string prepayId);

    /// <summary>GET /v3/pay/transactions/out-trade-no/{no}: the answer when no notification came.</summary>
    Task<PayTransaction> QueryOrderAsync(string outTradeNo, CancellationToken cancellationToken = default);

    /// <summary>POST …/close; WeChat Pay answers 204.</summary>
    Task CloseOrderAsync(string outTradeNo, CancellationToken cancellationToken = default);

    /// <summary>POST /v3/refund/domestic/refunds. The same out_refund_no never refunds twice.</summary>
    Task<PayRefund> RefundAsync(RefundRequest refund, CancellationToken cancellationToken = default);

    Task<PayRefund> QueryRefundAsync(string outRefundNo, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/bill/tradebill; "not ready" is a typed answer, not an exception.</summary>
    Task<TradeBillApplication> ApplyTradeBillAsync(DateOnly billDate, TradeBillType type = TradeBillType.All, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signed GET of the download URL into <paramref name="destination"/>, hashing as it copies.
    /// Throws <see cref="TradeBillHashMismatchException"/> afterwards if the SHA1 differs: discard what was written.
    /// </summary>
    Task DownloadTradeBillAsync(TradeBillDownload download, Stream destination, CancellationToken cancellationToken = default);
}
