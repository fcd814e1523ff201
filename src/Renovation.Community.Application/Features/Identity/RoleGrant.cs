using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Identity;

public sealed class RoleGrant : IAudited
{
    private RoleGrant() { }

    public RoleGrant(Guid userId, Role role, Guid? scopeId, DateTimeOffset now)
    {
        if (scopeId is null && !IsCityWide(role))
            throw new DomainRuleViolation("role_scope_required", "该角色必须指定所属范围");
        Id = Ids.New();
        UserId = userId;
        Role = role;
        ScopeId = scopeId;
        CityWide = scopeId is null ? true : null;
        GrantedAt = now;
    }

    /// <summary>Roles that may be held without a scope (over the whole city).</summary>
    public static bool IsCityWide(Role role) => role is Role.CityAdmin or Role.FinanceOfficer;

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; private set; }
    /// <summary>Community (committee), company (property staff), street (officer), district or null (city admin).</summary>
    public Guid? ScopeId { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    /// <summary>
    /// True for a grant with no scope, NULL otherwise. The unique index over (user, role, scope) cannot stop two
    /// city-wide grants, because NULL scopes never collide on SQLite or MariaDB; the unique index over
    /// (user, role, <see cref="CityWide"/>) does, and scoped grants (NULL here) stay held by the first index.
    /// </summary>
    public bool? CityWide { get; private set; }
}
