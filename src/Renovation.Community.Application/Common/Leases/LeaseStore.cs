using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Common.Leases;

/// <summary>
/// Acquires or renews a named lease with one conditional UPDATE, so two nodes can never both hold it: the database
/// row decides, not the nodes' clocks alone.
/// </summary>
public static class LeaseStore
{
    /// <summary>A holder name unique to this process and worker, readable in the table when debugging.</summary>
    public static string NewHolder() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public static async Task<bool> TryAcquireAsync(AppDbContext db, string name, string holder, DateTimeOffset now,
        TimeSpan duration, CancellationToken ct)
    {
        var until = now + duration;
        var updated = await db.Leases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (updated > 0)
            return true;
        if (await db.Leases.AnyAsync(l => l.Name == name, ct))
            return false;
        try
        {
            db.Leases.Add(new Lease(name, holder, until));
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e))
        {
            return false;
        }
    }
}
