namespace Renovation.Community.Api.Common.Authorization;

/// <summary>
/// Staff roles; "resident" is not granted but follows from approved unit bindings.
/// Each role is held over one scope: a community, a property company, a street, or a district (null = whole city).
/// </summary>
public enum Role
{
    CommitteeMember = 1,
    CommitteeChair = 2,
    PropertyStaff = 3,
    StreetOfficer = 4,
    CityAdmin = 5,
}
