using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Events;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// Every move of an order is told to its resident (<c>user:</c>, which also carries WeChat subscribe messages where a
/// template is configured for the kind and the resident consented) and to the company's staff (<c>role:PropertyStaff:</c>).
/// </summary>
public static class ServiceEvents
{
    public const string Created = "service-order.created";
    public const string Paid = "service-order.paid";
    public const string Accepted = "service-order.accepted";
    public const string Declined = "service-order.declined";
    public const string Started = "service-order.started";
    public const string Completed = "service-order.completed";
    public const string Confirmed = "service-order.confirmed";
    public const string Rated = "service-order.rated";
    public const string Cancelled = "service-order.cancelled";
    public const string Expired = "service-order.expired";
    /// <summary>Refunded in full before it was served; the order ended.</summary>
    public const string Refunded = "service-order.refunded";
    public const string Disputed = "service-order.disputed";
    public const string DisputeAnswered = "service-order.dispute-answered";

    /// <param name="answer">The company's answer to the complaint, on <see cref="DisputeAnswered"/>: the resident reads
    /// it from the event (and the subscribe message) without another request.</param>
    public static void Emit(EventOutbox outbox, string kind, ServiceOrder o, string? answer = null)
    {
        var payload = new
        {
            orderId = o.Id,
            o.CommunityId,
            o.ItemTitle,
            state = o.State.ToString(),
            // For subscribe message templates (Notifications:Templates), which show Chinese text.
            stateText = StateText(o.State),
            at = o.UpdatedAt,
            o.AmountFen,
            o.RefundFen,
            o.RefundedFen,
            o.SlotStartsAt,
            reason = o.DeclineReason ?? o.CancelReason,
            answer,
        };
        outbox.Add(kind, Audience.User(o.ResidentUserId), payload);
        outbox.Add(kind, Audience.RoleHolders(Role.PropertyStaff, o.CompanyId), payload);
    }

    public static string StateText(ServiceOrderState state) => state switch
    {
        ServiceOrderState.Created => "待支付",
        ServiceOrderState.Paid => "已支付，待接单",
        ServiceOrderState.Accepted => "已接单",
        ServiceOrderState.Declined => "未接单，已退款",
        ServiceOrderState.InService => "服务中",
        ServiceOrderState.Completed => "服务已完成",
        ServiceOrderState.Confirmed => "已确认完成",
        ServiceOrderState.Rated => "已评价",
        ServiceOrderState.Cancelled => "已取消",
        ServiceOrderState.Expired => "超时未支付，已关闭",
        ServiceOrderState.Refunded => "已全额退款，订单关闭",
        _ => state.ToString(),
    };
}
