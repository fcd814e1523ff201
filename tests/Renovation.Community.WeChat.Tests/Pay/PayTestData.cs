using Renovation.Community.WeChat.Pay.Orders;

namespace Renovation.Community.WeChat.Tests.Pay;

internal static class PayTestData
{
    private static int _sequence;

    public static string NewOutTradeNo() => $"RC{DateTime.UtcNow:yyMMddHHmmss}{Interlocked.Increment(ref _sequence):0000}";

    public static JsapiOrderRequest Order(string openId, long amountFen = 100, string? outTradeNo = null) =>
        new("三号楼维修资金缴费", outTradeNo ?? NewOutTradeNo(), amountFen, openId) { Attach = "household=3-2-501" };
}
