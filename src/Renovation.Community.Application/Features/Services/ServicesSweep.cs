using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// Expires orders left unpaid past their hold (their seats go back to the slot) and confirms completed orders the
/// resident did not confirm within <c>Services:AutoConfirmDays</c>. Each order moves through <see cref="OrderMoves"/>,
/// so a resident paying or confirming at the same moment, or the sweep on another node, still moves it once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ServicesSweep(AppDbContext db, OrderMoves moves, TimeProvider clock, IOptions<ServicesOptions> options,
    ILogger<ServicesSweep> logger) : IJob
{
    private const int BatchSize = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = await db.ServiceOrders.AsNoTracking()
            .Where(o => o.State == ServiceOrderState.Created && o.ExpiresAt <= now)
            .OrderBy(o => o.ExpiresAt).Select(o => o.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var id in expired)
            await TryMoveAsync(id, (o, at) => o.Expire(at), ServiceEvents.Expired, ct);

        var completedBefore = now.AddDays(-options.Value.AutoConfirmDays);
        var unconfirmed = await db.ServiceOrders.AsNoTracking()
            .Where(o => o.State == ServiceOrderState.Completed && o.CompletedAt <= completedBefore)
            .OrderBy(o => o.CompletedAt).Select(o => o.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var id in unconfirmed)
            await TryMoveAsync(id, (o, at) => o.Confirm(automatically: true, at), ServiceEvents.Confirmed, ct);
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
