namespace Renovation.Community.Application.Common.Authorization;

/// <summary>The facts about a community that permissions depend on.</summary>
public sealed record CommunityPlace(Guid Id, Guid StreetId, Guid DistrictId, Guid? PropertyCompanyId);
