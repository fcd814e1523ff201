using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Common.Authorization;

/// <summary>Loads the caller's scope once per request and answers "may I?" questions, throwing 404/403 when not.</summary>
public sealed class Access(IScopeStore store, ICurrentActor actor)
{
    private CallerScope? _scope;
    private readonly Dictionary<Guid, CommunityPlace?> _places = [];

    public Guid UserId => actor.UserId ?? throw AppProblem.Unauthorized("unauthenticated", "请先登录");

    public async Task<CallerScope> ScopeAsync(CancellationToken ct) => _scope ??= await store.LoadScopeAsync(UserId, ct);

    public async Task<CommunityPlace?> FindPlaceAsync(Guid communityId, CancellationToken ct)
    {
        if (_places.TryGetValue(communityId, out var cached))
            return cached;
        var place = await store.FindCommunityAsync(communityId, ct);
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
    public async Task<StreetPlace> RequireStreetAsync(Guid streetId, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        var street = await store.FindStreetAsync(streetId, ct);
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
