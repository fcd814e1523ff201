using Renovation.Community.Api.Common.Authorization;
using Renovation.Community.Api.Common.Events;

namespace Renovation.Community.Api.Features.Services;

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
    public const string Disputed = "service-order.disputed";
    public const string DisputeAnswered = "service-order.dispute-answered";

    public static void Emit(EventOutbox outbox, string kind, ServiceOrder o)
    {
        var payload = new
        {
            orderId = o.Id,
            o.CommunityId,
            o.ItemTitle,
            state = o.State.ToString(),
            o.AmountFen,
            o.RefundFen,
            o.SlotStartsAt,
            reason = o.DeclineReason ?? o.CancelReason,
        };
        outbox.Add(kind, Audience.User(o.ResidentUserId), payload);
        outbox.Add(kind, Audience.RoleHolders(Role.PropertyStaff, o.CompanyId), payload);
    }
}
