namespace Renovation.Community.Application.Common.Authorization;

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
    /// <summary>
    /// Finance officer (财务): reconciles the platform's WeChat Pay merchant account day by day and explains or resolves
    /// each difference. Held city-wide (no scope) because one merchant account takes every community's money, and
    /// separate from the admin role so that whoever settles money does not also appoint people.
    /// </summary>
    FinanceOfficer = 6,
}
