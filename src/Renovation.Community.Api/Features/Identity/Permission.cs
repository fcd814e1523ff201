namespace Renovation.Community.Api.Features.Identity;

/// <summary>What a caller wants to do in one community; <see cref="CallerScope"/> decides from roles and bindings.</summary>
public enum Permission
{
    /// <summary>See the community and its public information: residents bound there and every staff role over it.</summary>
    ViewCommunity,
    /// <summary>See the register of units and owners (names, ID suffixes, areas).</summary>
    ViewRegister,
    /// <summary>Approve or reject residents' binding requests.</summary>
    DecideBindings,
    /// <summary>Create and change buildings, units and owner parties, import the register.</summary>
    ManagePlaces,
    /// <summary>Appoint committee members and property staff.</summary>
    ManageRoles,
}

internal static class PermissionRoles
{
    /// <summary>Deny by default: a permission lists exactly the roles that confer it.</summary>
    public static Role[] For(Permission permission) => permission switch
    {
        Permission.ViewCommunity => [Role.CommitteeMember, Role.CommitteeChair, Role.PropertyStaff, Role.StreetOfficer, Role.CityAdmin],
        Permission.ViewRegister => [Role.CommitteeMember, Role.CommitteeChair, Role.PropertyStaff, Role.StreetOfficer, Role.CityAdmin],
        Permission.DecideBindings => [Role.CommitteeMember, Role.CommitteeChair, Role.PropertyStaff],
        Permission.ManagePlaces => [Role.StreetOfficer, Role.CityAdmin],
        Permission.ManageRoles => [Role.StreetOfficer, Role.CityAdmin],
        _ => [],
    };
}
