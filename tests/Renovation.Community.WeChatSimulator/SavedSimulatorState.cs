namespace Renovation.Community.WeChatSimulator;

/// <summary>What <see cref="SimulatorStateFile"/> keeps: the port and every order with its refunds (bills are made from them).</summary>
internal sealed record SavedSimulatorState(int Port, List<SavedOrder> Orders);

internal sealed record SavedOrder(string OutTradeNo, string AppId, string MchId, string Description, long TotalFen, string OpenId,
    string NotifyUrl, string? Attach, DateTimeOffset CreatedAt, string PrepayId, string TradeState, string? TransactionId,
    DateTimeOffset? SuccessTime, List<SavedRefund> Refunds);

internal sealed record SavedRefund(string OutRefundNo, string RefundId, long RefundFen, string? Reason, string? NotifyUrl,
    DateTimeOffset CreatedAt, string Status, DateTimeOffset? SuccessTime);
