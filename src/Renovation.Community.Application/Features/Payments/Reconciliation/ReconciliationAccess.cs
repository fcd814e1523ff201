using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

/// <summary>
/// Who reads which money: the committee the owners' money of its community, the property company the service money of
/// the communities it serves, street officers and admins both within their scope; finance officers read every day through their own endpoints.
/// </summary>
internal static class ReconciliationAccess
{
    /// <summary>The owners of money the caller may see in the community (404 when the community is not theirs).</summary>
    public static async Task<MoneyOwner[]> VisibleOwnersAsync(Access access, Guid communityId, CancellationToken ct)
    {
        var place = await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var scope = await access.ScopeAsync(ct);
        var owners = new HashSet<MoneyOwner>();
        foreach (var grant in scope.Grants)
        {
            switch (grant.Role)
            {
                case Role.CommitteeMember or Role.CommitteeChair when grant.ScopeId == place.Id:
                    owners.Add(MoneyOwner.Owners);
                    break;
                case Role.PropertyStaff when place.PropertyCompanyId is not null && grant.ScopeId == place.PropertyCompanyId:
                    owners.Add(MoneyOwner.PropertyCompany);
                    break;
                case Role.StreetOfficer when grant.ScopeId == place.StreetId:
                case Role.CityAdmin when grant.ScopeId is null || grant.ScopeId == place.DistrictId:
                    owners.Add(MoneyOwner.Owners);
                    owners.Add(MoneyOwner.PropertyCompany);
                    break;
            }
        }
        // Residents see the community but not its accounts.
        if (owners.Count == 0)
            throw AppProblem.Forbidden();
        return [.. owners];
    }

    public static Task RequireFinanceAsync(Access access, CancellationToken ct) => access.RequireRoleAsync(Role.FinanceOfficer, ct);

    /// <summary>Re-running a day: finance officers and city-wide admins (operations).</summary>
    public static async Task RequireRerunAsync(Access access, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        if (!scope.Grants.Any(g => g.Role == Role.FinanceOfficer || (g.Role == Role.CityAdmin && g.ScopeId is null)))
            throw AppProblem.Forbidden();
    }
}
