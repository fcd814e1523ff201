using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.WeChatSimulator.Pay;

/// <summary>The api.mch.weixin.qq.com v3 endpoints. Request signatures are checked by middleware before these run.</summary>
internal static partial class PayEndpoints
{
    public const string BodyKey = "sim.pay-body";

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapPost(SimulatorPaths.JsapiOrder, (HttpContext ctx) => CreateOrder(Body(ctx), state));
        app.MapGet("/v3/pay/transactions/out-trade-no/{outTradeNo}", (string outTradeNo, HttpRequest request) => QueryOrder(outTradeNo, request, state));
        app.MapPost("/v3/pay/transactions/out-trade-no/{outTradeNo}/close", (string outTradeNo, HttpContext ctx) => CloseOrder(outTradeNo, Body(ctx), state));
        app.MapPost(SimulatorPaths.Refunds, (HttpContext ctx) => Refund(Body(ctx), state));
        app.MapGet("/v3/refund/domestic/refunds/{outRefundNo}", (string outRefundNo) => QueryRefund(outRefundNo, state));
        app.MapGet(SimulatorPaths.TradeBill, (HttpRequest request) => TradeBill(request, state));
        app.MapGet(SimulatorPaths.BillDownload, (HttpContext ctx) => DownloadBill(ctx, state));
    }

    private static JsonObject Body(HttpContext ctx) =>
        JsonNode.Parse(ctx.Items[BodyKey] as string is { Length: > 0 } text ? text : "{}") as JsonObject ?? [];

    private static IResult CreateOrder(JsonObject body, SimulatorState state)
    {
        var description = (string?)body["description"] ?? "";
        var outTradeNo = (string?)body["out_trade_no"] ?? "";
        var notifyUrl = (string?)body["notify_url"] ?? "";
        var total = (long?)body["amount"]?["total"] ?? 0;
        var openId = (string?)body["payer"]?["openid"] ?? "";
        var problem =
            (string?)body["appid"] != state.Options.AppId ? "appid 与 mchid 不匹配" :
            (string?)body["mchid"] != state.Options.MchId ? "mchid 不正确" :
            description.Length is 0 or > 127 ? "description 长度须为 1-127" :
            !OutTradeNoPattern().IsMatch(outTradeNo) ? "out_trade_no 格式错误" :
            total <= 0 ? "amount.total 须大于 0" :
            (string?)body["amount"]?["currency"] is { } currency && currency != "CNY" ? "currency 仅支持 CNY" :
            openId.Length == 0 ? "payer.openid 不能为空" :
            !Uri.TryCreate(notifyUrl, UriKind.Absolute, out var notify) || notify.Query.Length > 0 ? "notify_url 须为不带参数的绝对地址" :
            null;
        if (problem is not null)
        {
            return SignedPayResult.Error(state, 400, "PARAM_ERROR", problem);
        }

        lock (state.Orders.Gate)
        {
            var existing = state.Orders.FindUnlocked(outTradeNo);
            if (existing is not null)
            {
                if (existing.TradeState is "SUCCESS" or "REFUND")
                {
                    return SignedPayResult.Error(state, 400, "ORDERPAID", "该订单已支付");
                }
                if (existing.TradeState == "CLOSED")
                {
                    return SignedPayResult.Error(state, 400, "ORDER_CLOSED", "订单已关闭");
                }
                // The same order placed again (a retry) gets the same prepay_id; different content is a conflict.
                return existing.TotalFen == total && existing.Description == description && existing.OpenId == openId
                    ? new SignedPayResult(state, 200, new { prepay_id = existing.PrepayId })
                    : SignedPayResult.Error(state, 400, "INVALID_REQUEST", "商户订单号重复，且订单内容不一致");
            }
            var order = new SimulatedOrder(outTradeNo, state.Options.AppId, state.Options.MchId, description, total, openId, notifyUrl,
                (string?)body["attach"], state.Options.Time.GetUtcNow())
            {
                TimeExpire = DateTimeOffset.TryParse((string?)body["time_expire"], CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var expire) ? expire : null,
            };
            state.Orders.AddUnlocked(order);
            return new SignedPayResult(state, 200, new { prepay_id = order.PrepayId });
        }
    }

    private static IResult QueryOrder(string outTradeNo, HttpRequest request, SimulatorState state)
    {
        if (request.Query["mchid"] != state.Options.MchId)
        {
            return SignedPayResult.Error(state, 400, "PARAM_ERROR", "mchid 不正确");
        }
        lock (state.Orders.Gate)
        {
            var order = state.Orders.FindUnlocked(outTradeNo);
            return order is null
                ? SignedPayResult.Error(state, 404, "ORDER_NOT_EXIST", "订单不存在")
                : new SignedPayResult(state, 200, TransactionJson.For(order));
        }
    }

    private static IResult CloseOrder(string outTradeNo, JsonObject body, SimulatorState state)
    {
        if ((string?)body["mchid"] != state.Options.MchId)
        {
            return SignedPayResult.Error(state, 400, "PARAM_ERROR", "mchid 不正确");
        }
        lock (state.Orders.Gate)
        {
            var order = state.Orders.FindUnlocked(outTradeNo);
            if (order is null)
            {
                return SignedPayResult.Error(state, 404, "ORDER_NOT_EXIST", "订单不存在");
            }
            if (order.TradeState is "SUCCESS" or "REFUND")
            {
                return SignedPayResult.Error(state, 400, "ORDERPAID", "订单已支付，不能关闭");
            }
            order.TradeState = "CLOSED";
            return new SignedPayResult(state, 204, null);
        }
    }

    private static IResult Refund(JsonObject body, SimulatorState state)
    {
        var outTradeNo = (string?)body["out_trade_no"] ?? "";
        var outRefundNo = (string?)body["out_refund_no"] ?? "";
        var refundFen = (long?)body["amount"]?["refund"] ?? 0;
        var totalFen = (long?)body["amount"]?["total"] ?? 0;
        var notifyUrl = (string?)body["notify_url"];
        SimulatedRefund refund;
        lock (state.Orders.Gate)
        {
            var existing = state.Orders.FindRefundUnlocked(outRefundNo);
            if (existing is not null)
            {
                // The same out_refund_no never refunds twice: answer with the refund already made.
                return new SignedPayResult(state, 200, RefundJson.For(existing));
            }
            var order = state.Orders.FindUnlocked(outTradeNo);
            if (order is null)
            {
                return SignedPayResult.Error(state, 404, "RESOURCE_NOT_EXISTS", "订单不存在");
            }
            if (order.TradeState is not ("SUCCESS" or "REFUND"))
            {
                return SignedPayResult.Error(state, 400, "INVALID_REQUEST", "订单未支付，不能退款");
            }
            if (totalFen != order.TotalFen || refundFen <= 0)
            {
                return SignedPayResult.Error(state, 400, "PARAM_ERROR", "退款金额或订单金额不正确");
            }
            if (refundFen > order.TotalFen - order.RefundedFen)
            {
                return SignedPayResult.Error(state, 400, "INVALID_REQUEST", "申请退款金额超过订单可退金额");
            }
            refund = new SimulatedRefund(order, outRefundNo, refundFen, (string?)body["reason"], notifyUrl, state.Options.Time.GetUtcNow());
            state.Orders.AddRefundUnlocked(refund);
            order.TradeState = "REFUND";
        }
        var answer = new SignedPayResult(state, 200, RefundJson.For(refund));
        if (state.HoldRefunds)
        {
            return answer;
        }
        // WeChat settles refunds asynchronously; the simulator settles at once, after answering PROCESSING.
        lock (state.Orders.Gate)
        {
            refund.Status = "SUCCESS";
            refund.SuccessTime = state.Options.Time.GetUtcNow();
        }
        if (!string.IsNullOrEmpty(notifyUrl))
        {
            state.Notifications.SendRefund(refund, new PaymentOptions());
        }
        return answer;
    }

    private static IResult QueryRefund(string outRefundNo, SimulatorState state)
    {
        lock (state.Orders.Gate)
        {
            var refund = state.Orders.FindRefundUnlocked(outRefundNo);
            return refund is null
                ? SignedPayResult.Error(state, 404, "RESOURCE_NOT_EXISTS", "退款单不存在")
                : new SignedPayResult(state, 200, RefundJson.For(refund));
        }
    }

    private static IResult TradeBill(HttpRequest request, SimulatorState state)
    {
        if (!DateOnly.TryParseExact(request.Query["bill_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return SignedPayResult.Error(state, 400, "PARAM_ERROR", "bill_date 格式错误");
        }
        var type = request.Query["bill_type"].ToString() is { Length: > 0 } t ? t : "ALL";
        var bill = TradeBillWriter.Write(state, date, type);
        if (bill is null)
        {
            return SignedPayResult.Error(state, 400, "NO_STATEMENT_EXIST", "要申请的账单不存在");
        }
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        state.Bills[token] = bill;
#pragma warning disable CA5350 // WeChat Pay's bill API announces SHA1; the simulator must do the same.
        var hash = Convert.ToHexString(SHA1.HashData(bill)).ToLowerInvariant();
#pragma warning restore CA5350
        return new SignedPayResult(state, 200, new
        {
            hash_type = "SHA1",
            hash_value = hash,
            download_url = $"{state.BaseUrl}{SimulatorPaths.BillDownload}?token={token}&tartype=",
        });
    }

    private static IResult DownloadBill(HttpContext ctx, SimulatorState state)
    {
        if (!state.Bills.TryGetValue(ctx.Request.Query["token"].ToString(), out var bill))
        {
            return SignedPayResult.Error(state, 400, "INVALID_REQUEST", "下载链接已失效");
        }
        if (ctx.Items[SignedPayResult.ResponseFaultKey] is Fault { Kind: FaultKind.CorruptBill })
        {
            bill = (byte[])bill.Clone();
            bill[^3] ^= 0x01;
        }
        // Bill downloads are the one WeChat Pay answer without a signature.
        return Results.Bytes(bill, "text/plain; charset=utf-8");
    }

    [GeneratedRegex("^[0-9A-Za-z_\\-|*]{6,32}$")]
    private static partial Regex OutTradeNoPattern();
}

internal static class TransactionJson
{
    /// <param name="reportedTotalFen">A wrong amount to report instead of the order's (fault injection).</param>
    public static object For(SimulatedOrder order, long? reportedTotalFen = null) => new
    {
        appid = order.AppId,
        mchid = order.MchId,
        out_trade_no = order.OutTradeNo,
        transaction_id = order.TransactionId,
        trade_type = "JSAPI",
        trade_state = order.TradeState,
        trade_state_desc = order.TradeState switch
        {
            "SUCCESS" => "支付成功",
            "REFUND" => "转入退款",
            "CLOSED" => "已关闭",
            _ => "未支付",
        },
        bank_type = order.TransactionId is null ? null : "OTHERS",
        attach = order.Attach ?? "",
        success_time = order.SuccessTime?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        payer = new { openid = order.OpenId },
        amount = order.TransactionId is null
            ? (object)new { total = reportedTotalFen ?? order.TotalFen, currency = "CNY" }
            : new { total = reportedTotalFen ?? order.TotalFen, payer_total = reportedTotalFen ?? order.TotalFen, currency = "CNY", payer_currency = "CNY" },
    };
}

internal static class RefundJson
{
    public static object For(SimulatedRefund refund) => new
    {
        refund_id = refund.RefundId,
        out_refund_no = refund.OutRefundNo,
        transaction_id = refund.Order.TransactionId,
        out_trade_no = refund.Order.OutTradeNo,
        channel = "ORIGINAL",
        user_received_account = "支付用户零钱",
        success_time = refund.SuccessTime?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        create_time = refund.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        status = refund.Status,
        amount = new { total = refund.Order.TotalFen, refund = refund.RefundFen, payer_total = refund.Order.TotalFen, payer_refund = refund.RefundFen, currency = "CNY" },
    };

    public static object NotificationResource(SimulatedRefund refund, string mchId) => new
    {
        mchid = mchId,
        out_trade_no = refund.Order.OutTradeNo,
        transaction_id = refund.Order.TransactionId,
        out_refund_no = refund.OutRefundNo,
        refund_id = refund.RefundId,
        refund_status = refund.Status,
        success_time = refund.SuccessTime?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        user_received_account = "支付用户零钱",
        amount = new { total = refund.Order.TotalFen, refund = refund.RefundFen, payer_total = refund.Order.TotalFen, payer_refund = refund.RefundFen },
    };
}
