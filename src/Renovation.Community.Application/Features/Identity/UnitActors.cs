using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>
/// Who acts for a unit: the users with an approved binding to it. Every feature asks here, so "approved" is
/// decided in one place (a pending, rejected or revoked binding never acts).
/// </summary>
public static class UnitActors
{
    /// <summary>The approved bindings, to filter or join further.</summary>
    public static IQueryable<UnitBinding> ApprovedBindings(this AppDbContext db) =>
        db.UnitBindings.Where(b => b.Status == BindingStatus.Approved);

    /// <summary>Whether the user acts for the unit.</summary>
    public static Task<bool> ActsForUnitAsync(this AppDbContext db, Guid userId, Guid unitId, CancellationToken ct) =>
        db.ApprovedBindings().AnyAsync(b => b.UserId == userId && b.UnitId == unitId, ct);

    /// <summary>The users who act for the unit.</summary>
    public static IQueryable<Guid> UsersActingFor(this AppDbContext db, Guid unitId) =>
        db.ApprovedBindings().Where(b => b.UnitId == unitId).Select(b => b.UserId);
}
