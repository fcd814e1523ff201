using System.Globalization;
using System.Security.Cryptography;

namespace Renovation.Community.WeChatSimulator.Pay;

/// <summary>An order as the simulator's WeChat Pay sees it.</summary>
public sealed class SimulatedOrder
{
    internal SimulatedOrder(string outTradeNo, string appId, string mchId, string description, long totalFen, string openId, string notifyUrl, string? attach, DateTimeOffset createdAt,
        string? prepayId = null)
    {
        OutTradeNo = outTradeNo;
        AppId = appId;
        MchId = mchId;
        Description = description;
        TotalFen = totalFen;
        OpenId = openId;
        NotifyUrl = notifyUrl;
        Attach = attach;
        CreatedAt = createdAt;
        PrepayId = prepayId ?? "wx" + createdAt.ToString("ddHHmmss", CultureInfo.InvariantCulture) + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
    }

    public string OutTradeNo { get; }

    public string AppId { get; }

    public string MchId { get; }

    public string Description { get; }

    public long TotalFen { get; }

    public string OpenId { get; }

    public string NotifyUrl { get; }

    public string? Attach { get; }

    public DateTimeOffset CreatedAt { get; }

    public string PrepayId { get; }

    /// <summary>The time_expire the merchant sent (null when it sent none), as received, so a test can see it.</summary>
    public DateTimeOffset? TimeExpire { get; internal set; }

    /// <summary>NOTPAY, SUCCESS, REFUND or CLOSED.</summary>
    public string TradeState { get; internal set; } = "NOTPAY";

    public string? TransactionId { get; internal set; }

    public DateTimeOffset? SuccessTime { get; internal set; }

    public List<SimulatedRefund> Refunds { get; } = [];

    public long RefundedFen => Refunds.Sum(r => r.RefundFen);
}

public sealed class SimulatedRefund
{
    internal SimulatedRefund(SimulatedOrder order, string outRefundNo, long refundFen, string? reason, string? notifyUrl, DateTimeOffset createdAt,
        string? refundId = null)
    {
        Order = order;
        OutRefundNo = outRefundNo;
        RefundFen = refundFen;
        Reason = reason;
        NotifyUrl = notifyUrl;
        CreatedAt = createdAt;
        RefundId = refundId ?? "50" + RandomNumberGenerator.GetString("0123456789", 27);
    }

    public SimulatedOrder Order { get; }

    public string OutRefundNo { get; }

    public string RefundId { get; }

    public long RefundFen { get; }

    public string? Reason { get; }

    public string? NotifyUrl { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>PROCESSING right after the request, SUCCESS once the simulator settles it.</summary>
    public string Status { get; internal set; } = "PROCESSING";

    public DateTimeOffset? SuccessTime { get; internal set; }
}

/// <summary>The simulator's order book. One lock: the simulator favours obviousness over throughput.</summary>
public sealed class OrderBook
{
    private readonly Dictionary<string, SimulatedOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedRefund> _refunds = new(StringComparer.Ordinal);

    internal Lock Gate { get; } = new();

    public IReadOnlyList<SimulatedOrder> Orders
    {
        get
        {
            lock (Gate)
            {
                return _orders.Values.OrderBy(o => o.CreatedAt).ToList();
            }
        }
    }

    public SimulatedOrder? Find(string outTradeNo)
    {
        lock (Gate)
        {
            return _orders.GetValueOrDefault(outTradeNo);
        }
    }

    internal IEnumerable<SimulatedOrder> AllUnlocked => _orders.Values;

    internal SimulatedOrder? FindUnlocked(string outTradeNo) => _orders.GetValueOrDefault(outTradeNo);

    internal void AddUnlocked(SimulatedOrder order) => _orders[order.OutTradeNo] = order;

    internal SimulatedRefund? FindRefundUnlocked(string outRefundNo) => _refunds.GetValueOrDefault(outRefundNo);

    internal void AddRefundUnlocked(SimulatedRefund refund)
    {
        _refunds[refund.OutRefundNo] = refund;
        refund.Order.Refunds.Add(refund);
    }
}
