using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>Reads a caller's scope for <see cref="Access"/> from role grants, approved bindings and the register.</summary>
public sealed class ScopeStore(AppDbContext db) : IScopeStore
{
    public async Task<CallerScope> LoadScopeAsync(Guid userId, CancellationToken ct)
    {
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId)
            .Select(g => new GrantedRole(g.Role, g.ScopeId)).ToListAsync(ct);
        var units = await (
            from b in db.ApprovedBindings().AsNoTracking()
            where b.UserId == userId
            join u in db.Units on b.UnitId equals u.Id
            join c in db.Communities on u.CommunityId equals c.Id
            select new BoundUnit(u.Id, u.BuildingId, u.CommunityId, c.StreetId, u.OwnerPartyId)).ToListAsync(ct);
        return new CallerScope(userId, grants, units);
    }

    public Task<CommunityPlace?> FindCommunityAsync(Guid communityId, CancellationToken ct) =>
        db.Communities.AsNoTracking()
            .Where(c => c.Id == communityId)
            .Select(c => new CommunityPlace(c.Id, c.StreetId, c.Street!.DistrictId, c.PropertyCompanyId))
            .SingleOrDefaultAsync(ct);

    public Task<StreetPlace?> FindStreetAsync(Guid streetId, CancellationToken ct) =>
        db.Streets.AsNoTracking()
            .Where(s => s.Id == streetId)
            .Select(s => new StreetPlace(s.Id, s.DistrictId, s.Name))
            .SingleOrDefaultAsync(ct);
}
