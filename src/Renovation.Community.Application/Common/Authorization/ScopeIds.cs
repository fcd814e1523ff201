namespace Renovation.Community.Application.Common.Authorization;

/// <summary>
/// The places a permission reaches for one caller, as ids: Places turns it into a community query
/// (<c>CommunityScopeFilter</c>). <see cref="Everywhere"/> is a city-wide administrator.
/// </summary>
public sealed record ScopeIds(
    bool Everywhere,
    IReadOnlyList<Guid> CommunityIds,
    IReadOnlyList<Guid> PropertyCompanyIds,
    IReadOnlyList<Guid> StreetIds,
    IReadOnlyList<Guid> DistrictIds);
