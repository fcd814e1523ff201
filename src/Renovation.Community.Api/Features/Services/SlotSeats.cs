using Microsoft.EntityFrameworkCore;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Api.Features.Services;

/// <summary>
/// A slot's seats move only by conditional UPDATEs inside the caller's transaction: the database row lock serialises
/// concurrent orders, and the WHERE clause (plus the check constraint Held ≤ Capacity) makes overbooking impossible.
/// </summary>
internal static class SlotSeats
{
    /// <summary>Takes one seat; false when the slot is full.</summary>
    public static async Task<bool> TryHoldAsync(AppDbContext db, Guid slotId, CancellationToken ct) =>
        await db.ServiceSlots.Where(s => s.Id == slotId && s.Held < s.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Held, x => x.Held + 1), ct) == 1;

    public static Task ReleaseAsync(AppDbContext db, Guid slotId, CancellationToken ct) =>
        db.ServiceSlots.Where(s => s.Id == slotId && s.Held > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Held, x => x.Held - 1), ct);
}
