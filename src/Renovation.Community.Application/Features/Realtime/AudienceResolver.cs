using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Events;

namespace Renovation.Community.Application.Features.Realtime;

/// <summary>The audiences a caller belongs to: used for hub groups and for the catch-up query alike.</summary>
public static class AudienceResolver
{
    public static IReadOnlyList<Audience> For(CallerScope scope)
    {
        var audiences = new HashSet<Audience> { Audience.User(scope.UserId) };
        foreach (var unit in scope.Units)
        {
            audiences.Add(Audience.Unit(unit.UnitId));
            audiences.Add(Audience.Building(unit.BuildingId));
            audiences.Add(Audience.Community(unit.CommunityId));
            audiences.Add(Audience.Street(unit.StreetId));
        }
        foreach (var grant in scope.Grants)
        {
            audiences.Add(Audience.RoleHolders(grant.Role, grant.ScopeId));
            if (grant.Role is Role.CommitteeMember or Role.CommitteeChair)
                audiences.Add(Audience.Community(grant.ScopeId!.Value));
            if (grant.Role == Role.StreetOfficer)
                audiences.Add(Audience.Street(grant.ScopeId!.Value));
        }
        return [.. audiences];
    }
}
