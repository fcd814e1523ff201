using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// One way every order moves, for handlers and the sweep alike: in one transaction load the order, apply the verb (which
/// checks the state), give its seat back, reserve the refund it owes through <see cref="IPaymentRefunds"/>, add the
/// events, and save under the order's version. A concurrent move makes the save fail; the whole unit is then replayed
/// against the new state, so the loser gets exactly the answer it would have got one at a time. The refund is sent to
/// WeChat only after the commit.
/// </summary>
public sealed class OrderMoves(AppDbContext db, EventOutbox outbox, IPaymentRefunds refunds, TimeProvider clock)
{
    private const int MaxReplays = 5;

    /// <summary>Key of the one refund an order may cause (decline or cancel): unique per payment in Payments.</summary>
    public const string RefundKey = "service-order-ended";

    public async Task<ServiceOrderView> MoveAsync(Func<AppDbContext, CancellationToken, Task<ServiceOrder>> load,
        Action<ServiceOrder, DateTimeOffset> verb, string eventKind, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (view, refundId) = await db.InTransactionAsync(async c =>
                {
                    var order = await load(db, c);
                    verb(order, clock.GetUtcNow());
                    if (order.ReleaseSeat() is { } slotId)
                        await SlotSeats.ReleaseAsync(db, slotId, c);
                    Guid? refundId = null;
                    if (order.RefundFen > 0 && order.State is ServiceOrderState.Declined or ServiceOrderState.Cancelled)
                        refundId = await refunds.ReserveAsync(ServiceOrderPurpose.PurposeName, order.Id, order.RefundFen,
                            RefundReason(order), RefundKey, db, c);
                    ServiceEvents.Emit(outbox, eventKind, order);
                    await db.SaveChangesAsync(c);
                    return (await OrderDetails.DescribeAsync(db, order, c), refundId);
                }, ct);
                if (refundId is { } id)
                    await refunds.SendAsync(id, ct);
                return view;
            }
            catch (DbUpdateException e) when (attempt < MaxReplays && RaceLoser.IsLostRace(e))
            {
                // Someone moved the order first (its version, or the refund's unique sequence or key, refused our write):
                // replay against what is there now.
            }
        }
    }

    private static string RefundReason(ServiceOrder o) => o.State == ServiceOrderState.Declined
        ? $"物业未接单：{o.DeclineReason}"
        : $"订单已取消：{o.CancelReason}";
}
