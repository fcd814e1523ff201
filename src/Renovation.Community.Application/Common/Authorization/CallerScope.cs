namespace Renovation.Community.Application.Common.Authorization;

/// <summary>
/// Everything the caller may reach, loaded once per request from the database (not from token claims), so a
/// revoked role or binding takes effect on the next request.
/// </summary>
public sealed class CallerScope(Guid userId, IReadOnlyList<GrantedRole> grants, IReadOnlyList<BoundUnit> units)
{
    public Guid UserId { get; } = userId;
    public IReadOnlyList<GrantedRole> Grants { get; } = grants;
    public IReadOnlyList<BoundUnit> Units { get; } = units;

    public bool Has(Role role) => Grants.Any(g => g.Role == role);

    /// <summary>Whether the caller holds the permission in that community.</summary>
    public bool Allows(Permission permission, CommunityPlace place)
    {
        if (permission == Permission.ViewCommunity && Units.Any(u => u.CommunityId == place.Id))
            return true;
        var roles = PermissionRoles.For(permission);
        return Grants.Any(g => roles.Contains(g.Role) && Covers(g, place));
    }

    private static bool Covers(GrantedRole grant, CommunityPlace place) => grant.Role switch
    {
        Role.CommitteeMember or Role.CommitteeChair => grant.ScopeId == place.Id,
        Role.PropertyStaff => place.PropertyCompanyId is not null && grant.ScopeId == place.PropertyCompanyId,
        Role.StreetOfficer => grant.ScopeId == place.StreetId,
        Role.CityAdmin => grant.ScopeId is null || grant.ScopeId == place.DistrictId,
        _ => false,
    };

    /// <summary>The places where the caller holds the permission (Places narrows community queries with it).</summary>
    public ScopeIds Reach(Permission permission)
    {
        var roles = PermissionRoles.For(permission);
        var held = Grants.Where(g => roles.Contains(g.Role)).ToList();
        List<Guid> ScopesOf(params Role[] r) => held.Where(g => r.Contains(g.Role)).Select(g => g.ScopeId!.Value).ToList();
        var communityIds = ScopesOf(Role.CommitteeMember, Role.CommitteeChair);
        if (permission == Permission.ViewCommunity)
            communityIds.AddRange(Units.Select(u => u.CommunityId));
        return new ScopeIds(
            held.Any(g => g.Role == Role.CityAdmin && g.ScopeId is null),
            communityIds,
            ScopesOf(Role.PropertyStaff),
            ScopesOf(Role.StreetOfficer),
            held.Where(g => g.Role == Role.CityAdmin && g.ScopeId is not null).Select(g => g.ScopeId!.Value).ToList());
    }
}
