using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Common.Authorization;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// Expires orders left unpaid past their hold (their seats go back to the slot) and confirms completed orders the
/// resident did not confirm within <c>Services:AutoConfirmDays</c>. Each order moves through <see cref="OrderMoves"/>,
/// so a resident paying or confirming at the same moment, or the sweep on another node, still moves it once. An order
/// with an open WeChat order is expired only once that order is closed at WeChat; if WeChat already took the money
/// (ORDERPAID) it is credited instead and the order is paid, since the money came in time.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ServicesSweep(AppDbContext db, OrderMoves moves, IOpenPayments openPayments, TimeProvider clock, IOptions<ServicesOptions> options,
    ILogger<ServicesSweep> logger) : IJob
{
    private const int BatchSize = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        // The audit log names the job as the actor of what it changes.
        using var actor = JobActor.Run(context.JobDetail.Key.Name);
        var now = clock.GetUtcNow();
        var expired = await db.ServiceOrders.AsNoTracking()
            .Where(o => o.State == ServiceOrderState.Created && o.ExpiresAt <= now)
            .OrderBy(o => o.ExpiresAt).Select(o => o.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var id in expired)
        {
            if (await TryCloseOpenPaymentAsync(id, ct))
                await TryMoveAsync(id, (o, at) => o.Expire(at), ServiceEvents.Expired, ct);
        }

        var completedBefore = now.AddDays(-options.Value.AutoConfirmDays);
        var unconfirmed = await db.ServiceOrders.AsNoTracking()
            .Where(o => o.State == ServiceOrderState.Completed && o.CompletedAt <= completedBefore)
            .OrderBy(o => o.CompletedAt).Select(o => o.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var id in unconfirmed)
            await TryMoveAsync(id, (o, at) => o.Confirm(automatically: true, at), ServiceEvents.Confirmed, ct);
    }

    /// <summary>
    /// Closes the order's open WeChat order first, so nobody pays it once the order is expired. False when the order
    /// must not be expired now: the money had arrived (credited: the order is paid), or WeChat could not be asked (the
    /// next run tries again; expiring without asking could refund a payment made in time).
    /// </summary>
    private async Task<bool> TryCloseOpenPaymentAsync(Guid id, CancellationToken ct)
    {
        try
        {
            return !await openPayments.ExpireOpenAsync(ServiceOrderPurpose.PurposeName, id, ct);
        }
        catch (AppProblem e)
        {
            logger.LogWarning("Sweep could not close the WeChat order of service order {OrderId} ({Code}); next run retries", id, e.Code);
            return false;
        }
    }

    private async Task TryMoveAsync(Guid id, Action<ServiceOrder, DateTimeOffset> verb, string kind, CancellationToken ct)
    {
        try
        {
            await moves.MoveAsync((d, c) => d.ServiceOrders.SingleAsync(o => o.Id == id, c), verb, kind, ct);
        }
        catch (AppProblem e)
        {
            // The resident paid, cancelled or confirmed first: nothing left to do.
            logger.LogDebug("Sweep left service order {OrderId} alone: {Code}", id, e.Code);
        }
    }
}
