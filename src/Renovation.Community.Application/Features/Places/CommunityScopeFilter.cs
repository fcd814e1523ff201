using Renovation.Community.Application.Common.Authorization;

namespace Renovation.Community.Application.Features.Places;

/// <summary>Narrows a community query to those where the caller holds a permission.</summary>
public static class CommunityScopeFilter
{
    public static IQueryable<ResidentialCommunity> Filter(this CallerScope scope, IQueryable<ResidentialCommunity> communities,
        Permission permission)
    {
        var reach = scope.Reach(permission);
        if (reach.Everywhere)
            return communities;
        var (communityIds, companyIds, streetIds, districtIds) =
            (reach.CommunityIds, reach.PropertyCompanyIds, reach.StreetIds, reach.DistrictIds);
        return communities.Where(c =>
            communityIds.Contains(c.Id)
            || (c.PropertyCompanyId != null && companyIds.Contains(c.PropertyCompanyId.Value))
            || streetIds.Contains(c.StreetId)
            || districtIds.Contains(c.Street!.DistrictId));
    }
}
