using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Common.Errors;

/// <summary>
/// For endpoints that save once: when a concurrency token or a unique index says another request changed or inserted
/// the row between this request's read and its write, the handler runs again on fresh rows, so the loser of a race
/// gets exactly the answer it would have got one at a time (the state check or the check before the insert now
/// refuses it, or an idempotent change is applied again), not a generic <c>concurrent_update</c> or <c>duplicate</c>.
/// <para>Only for handlers whose single <c>SaveChanges</c> is their only effect: no files, no external calls, no
/// explicit transactions. A client's <c>expectedVersion</c> still wins: the rerun answers <c>stale_version</c>.</para>
/// </summary>
public sealed class RetryLostRace : IEndpointFilter
{
    private const int Attempts = 3;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(context);
            }
            catch (DbUpdateException e) when (attempt < Attempts && RaceLoser.IsLostRace(e))
            {
                // Forget what the lost attempt read and staged (its events and audit rows too) and start again.
                context.HttpContext.RequestServices.GetRequiredService<AppDbContext>().ChangeTracker.Clear();
            }
        }
    }
}
