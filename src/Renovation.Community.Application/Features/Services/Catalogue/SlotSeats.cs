using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// A slot's seats move only by conditional UPDATEs inside the caller's transaction: the database row lock serialises
/// concurrent orders, and the WHERE clause (plus the check constraint Held ≤ Capacity) makes overbooking impossible.
/// </summary>
internal static class SlotSeats
{
    /// <summary>Takes one seat; false when the slot is full or was removed.</summary>
    public static async Task<bool> TryHoldAsync(AppDbContext db, Guid slotId, CancellationToken ct) =>
        await db.ServiceSlots.Where(s => s.Id == slotId && s.Held < s.Capacity && s.RemovedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Held, x => x.Held + 1), ct) == 1;

    /// <summary>
    /// Removes the slot only if no order holds a seat (held seats are exactly the orders placed, paid or served in it:
    /// expiry, cancel and decline give theirs back). The guard is this one conditional UPDATE on the slot's row, the
    /// same row <see cref="TryHoldAsync"/> updates: the database serialises the two, and each re-checks its WHERE
    /// against the row as the other left it. So either the order's hold commits first and <c>Held = 0</c> fails here,
    /// or the removal commits first and <c>RemovedAt IS NULL</c> fails the hold; no order is ever left on a removed
    /// slot. A row is kept (not deleted) because expired and cancelled orders still refer to it.
    /// </summary>
    public static async Task<bool> TryRemoveAsync(AppDbContext db, Guid slotId, DateTimeOffset now, CancellationToken ct) =>
        await db.ServiceSlots.Where(s => s.Id == slotId && s.Held == 0 && s.RemovedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemovedAt, now), ct) == 1;

    public static Task ReleaseAsync(AppDbContext db, Guid slotId, CancellationToken ct) =>
        db.ServiceSlots.Where(s => s.Id == slotId && s.Held > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Held, x => x.Held - 1), ct);
}
