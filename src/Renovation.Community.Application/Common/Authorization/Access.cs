using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Common.Authorization;

/// <summary>Loads the caller's scope once per request and answers "may I?" questions, throwing 404/403 when not.</summary>
public sealed class Access(AppDbContext db, ICurrentActor actor)
{
    private CallerScope? _scope;
    private readonly Dictionary<Guid, CommunityPlace?> _places = [];

    public Guid UserId => actor.UserId ?? throw AppProblem.Unauthorized("unauthenticated", "请先登录");

    public async Task<CallerScope> ScopeAsync(CancellationToken ct)
    {
        if (_scope is not null)
            return _scope;
        var userId = UserId;
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId)
            .Select(g => new GrantedRole(g.Role, g.ScopeId)).ToListAsync(ct);
        var units = await (
            from b in db.UnitBindings.AsNoTracking()
            where b.UserId == userId && b.Status == BindingStatus.Approved
            join u in db.Units on b.UnitId equals u.Id
            join c in db.Communities on u.CommunityId equals c.Id
            select new BoundUnit(u.Id, u.BuildingId, u.CommunityId, c.StreetId, u.OwnerPartyId)).ToListAsync(ct);
        return _scope = new CallerScope(userId, grants, units);
    }

    public async Task<CommunityPlace?> FindPlaceAsync(Guid communityId, CancellationToken ct)
    {
        if (_places.TryGetValue(communityId, out var cached))
            return cached;
        var place = await db.Communities.AsNoTracking()
            .Where(c => c.Id == communityId)
            .Select(c => new CommunityPlace(c.Id, c.StreetId, c.Street!.DistrictId, c.PropertyCompanyId))
            .SingleOrDefaultAsync(ct);
        _places[communityId] = place;
        return place;
    }

    /// <summary>
    /// Passes when the caller holds the permission in the community. A community the caller cannot even see is
    /// reported as not found (as <paramref name="notFound"/> when the request was about a resource inside it), so
    /// neither the community nor the resource leaks; one they can see but not change is forbidden.
    /// </summary>
    public async Task<CommunityPlace> RequireAsync(Guid communityId, Permission permission, CancellationToken ct,
        Func<AppProblem>? notFound = null)
    {
        var scope = await ScopeAsync(ct);
        var place = await FindPlaceAsync(communityId, ct);
        if (place is null || !scope.Allows(Permission.ViewCommunity, place))
            throw notFound?.Invoke() ?? AppProblem.NotFound("community_not_found", "小区不存在或不在您的管辖范围内");
        if (!scope.Allows(permission, place))
            throw AppProblem.Forbidden();
        return place;
    }

    /// <summary>Passes for the street's officers and the admins of its district or the city (creating communities).</summary>
    public async Task<Street> RequireStreetAsync(Guid streetId, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        var street = await db.Streets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == streetId, ct);
        var allowed = street is not null && scope.Grants.Any(g =>
            (g.Role == Role.StreetOfficer && g.ScopeId == street.Id)
            || (g.Role == Role.CityAdmin && (g.ScopeId is null || g.ScopeId == street.DistrictId)));
        if (!allowed)
            throw AppProblem.NotFound("street_not_found", "街道不存在或不在您的管辖范围内");
        return street!;
    }

    /// <summary>Passes for admins of the district or the whole city.</summary>
    public async Task RequireDistrictAdminAsync(Guid? districtId, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        if (!scope.Grants.Any(g => g.Role == Role.CityAdmin && (g.ScopeId is null || g.ScopeId == districtId)))
            throw AppProblem.Forbidden();
    }

    public async Task RequireRoleAsync(Role role, CancellationToken ct)
    {
        if (!(await ScopeAsync(ct)).Has(role))
            throw AppProblem.Forbidden();
    }
}
