using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Renovation.Community.WeChatSimulator.Faults;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.WeChatSimulator.Pages;

/// <summary>The pay page and the control endpoints under /simulator for people trying the product by hand.</summary>
internal static class SimulatorPages
{
    public static void Map(IEndpointRouteBuilder app, WeChatSimulatorServer server, SimulatorState state)
    {
        app.MapGet("/", () => Results.Content(PayPage(state), "text/html; charset=utf-8"));

        // A plain HTML form posts here; JSON callers get the order back, browsers go back to the list.
        app.MapPost("/simulator/orders/{outTradeNo}/pay", async (string outTradeNo, HttpRequest request) =>
        {
            var paid = await server.PayAsync(outTradeNo, await NotificationFaultsAsync(request));
            if (request.HasFormContentType)
            {
                return Results.Redirect("/", permanent: false);
            }
            return paid ? Results.Ok(new { out_trade_no = outTradeNo, trade_state = "SUCCESS" }) : Results.NotFound();
        });

        // What the WeChat app does when the user confirms wx.requestPayment: it knows only the package's prepay_id.
        app.MapPost("/simulator/prepay/{prepayId}/pay", async (string prepayId) =>
        {
            var order = state.Orders.Orders.FirstOrDefault(o => o.PrepayId == prepayId);
            return order is not null && await server.PayAsync(order.OutTradeNo)
                ? Results.Ok(new { out_trade_no = order.OutTradeNo, trade_state = "SUCCESS" })
                : Results.NotFound();
        });

        // {"path":"/sns/jscode2session","kind":"WeChatErrCode","errCode":40163,"times":1}
        app.MapPost("/simulator/faults", async (HttpRequest request) =>
        {
            var body = await System.Text.Json.JsonSerializer.DeserializeAsync<JsonObject>(request.Body) ?? [];
            if (!Enum.TryParse<FaultKind>((string?)body["kind"], ignoreCase: true, out var kind))
            {
                return Results.BadRequest(new { message = "kind must be one of " + string.Join(", ", Enum.GetNames<FaultKind>()) });
            }
            var fault = new Fault(kind)
            {
                Delay = TimeSpan.FromMilliseconds((double?)body["delayMs"] ?? 0),
                StatusCode = (int?)body["statusCode"] ?? 500,
                ErrCode = (int?)body["errCode"] ?? -1,
                Code = (string?)body["code"] ?? "SYSTEM_ERROR",
            };
            state.Faults.Inject((string?)body["path"] ?? "/", fault, (int?)body["times"] ?? 1);
            return Results.Ok(new { pending = state.Faults.PendingCount });
        });

        // {"kind":"omit|duplicate|amount|state|extra","no":"RC…","fen":100,"state":"REVOKED","date":"2026-11-28"}; {"kind":"clear"}
        app.MapPost("/simulator/bill-faults", async (HttpRequest request) =>
        {
            var body = await System.Text.Json.JsonSerializer.DeserializeAsync<JsonObject>(request.Body) ?? [];
            var no = (string?)body["no"] ?? "";
            switch ((string?)body["kind"])
            {
                case "omit": state.BillFaults.Omit(no); break;
                case "duplicate": state.BillFaults.Duplicate(no); break;
                case "amount": state.BillFaults.ChangeAmount(no, (long?)body["fen"] ?? 0); break;
                case "state": state.BillFaults.ChangeState(no, (string?)body["state"] ?? "REVOKED"); break;
                case "extra" when DateOnly.TryParse((string?)body["date"], System.Globalization.CultureInfo.InvariantCulture, out var date):
                    state.BillFaults.AddSuccessRow(date, no, (long?)body["fen"] ?? 100); break;
                case "clear": state.BillFaults.Clear(); break;
                default: return Results.BadRequest(new { message = "kind must be omit, duplicate, amount, state, extra (with date) or clear" });
            }
            return Results.Ok(new { planted = body["kind"]?.ToString() });
        });

        app.MapPost("/simulator/access-tokens/expire", () =>
        {
            state.AccessTokens.Kill(42001);
            return Results.Ok(new { expired = true });
        });

        app.MapGet("/simulator/deliveries", () => Results.Ok(state.Notifications.Deliveries.ToArray()));
    }

    private static string PayPage(SimulatorState state)
    {
        var rows = new StringBuilder();
        foreach (var order in state.Orders.Orders.Reverse())
        {
            var action = order.TradeState == "NOTPAY"
                ? $"<form method=\"post\" action=\"/simulator/orders/{Encode(order.OutTradeNo)}/pay\"><button type=\"submit\">确认支付</button></form>"
                : "";
            rows.Append("<tr>")
                .Append("<td>").Append(Encode(order.OutTradeNo)).Append("</td>")
                .Append("<td>").Append(Encode(order.Description)).Append("</td>")
                .Append("<td>¥").Append(TradeBillWriter.Yuan(order.TotalFen)).Append("</td>")
                .Append("<td>").Append(StateText(order.TradeState)).Append("</td>")
                .Append("<td>").Append(order.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td>").Append(action).Append("</td>")
                .Append("</tr>");
        }
        if (rows.Length == 0)
        {
            rows.Append("<tr><td colspan=\"6\">暂无订单。在小程序中发起支付后，订单会出现在这里。</td></tr>");
        }
        // Nothing can scan the simulator's codes, so the page shows what a phone would read from them.
        var codes = new StringBuilder();
        foreach (var code in state.MiniProgram.DrawnCodes.Reverse().Take(20))
        {
            codes.Append("<tr>")
                .Append("<td><code>").Append(Encode(code.Scene)).Append("</code></td>")
                .Append("<td>").Append(Encode(code.Page ?? "（首页）")).Append("</td>")
                .Append("<td>").Append(code.DrawnAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Append("</td>")
                .Append("</tr>");
        }
        if (codes.Length == 0)
        {
            codes.Append("<tr><td colspan=\"3\">暂无小程序码。管理后台扫码登录时生成的小程序码会出现在这里。</td></tr>");
        }
        return $$"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>微信支付模拟器</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 2rem; }
              table { border-collapse: collapse; width: 100%; }
              th, td { border-bottom: 1px solid #ddd; padding: .5rem; text-align: left; }
              button { background: #07c160; color: #fff; border: 0; padding: .4rem 1rem; border-radius: 4px; cursor: pointer; }
            </style>
            </head>
            <body>
            <h1>微信支付模拟器</h1>
            <p>这是本地模拟的微信支付，不会产生真实扣款。点击“确认支付”即代表用户完成支付，模拟器会向商户的回调地址发送支付成功通知。</p>
            <table>
            <thead><tr><th>商户订单号</th><th>商品描述</th><th>金额</th><th>状态</th><th>下单时间</th><th></th></tr></thead>
            <tbody>{{rows}}</tbody>
            </table>
            <h2>小程序码（getwxacodeunlimit）</h2>
            <p>模拟器生成的小程序码无法真正扫描。扫码相当于读取下表中的 scene：以演示用户登录（POST /api/v1/auth/dev-login）后，调用 POST /api/v1/console/sign-in-tickets/{scene}/confirm 即可确认管理后台登录（见 docs/console.md）。</p>
            <table>
            <thead><tr><th>scene</th><th>页面</th><th>生成时间</th></tr></thead>
            <tbody>{{codes}}</tbody>
            </table>
            </body>
            </html>
            """;
    }

    private static string StateText(string tradeState) => tradeState switch
    {
        "NOTPAY" => "待支付",
        "SUCCESS" => "支付成功",
        "REFUND" => "已退款",
        "CLOSED" => "已关闭",
        _ => tradeState,
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// Optional JSON body of POST /simulator/orders/{no}/pay, e.g.
    /// {"duplicates":9,"suppressNotification":false,"reportedAmountFen":1,"lateAfterClose":true,"tamper":"ForgedSignature"}.
    /// </summary>
    private static async Task<PaymentOptions> NotificationFaultsAsync(HttpRequest request)
    {
        if (request.HasFormContentType || request.ContentLength is null or 0)
        {
            return new PaymentOptions();
        }
        var body = await System.Text.Json.JsonSerializer.DeserializeAsync<JsonObject>(request.Body) ?? [];
        return new PaymentOptions
        {
            Duplicates = (int?)body["duplicates"] ?? 0,
            SuppressNotification = (bool?)body["suppressNotification"] ?? false,
            ReportedAmountFen = (long?)body["reportedAmountFen"],
            LateAfterClose = (bool?)body["lateAfterClose"] ?? false,
            Tamper = Enum.TryParse<NotificationTamper>((string?)body["tamper"], ignoreCase: true, out var tamper) ? tamper : NotificationTamper.None,
        };
    }
}
