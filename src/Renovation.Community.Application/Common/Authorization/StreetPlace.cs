namespace Renovation.Community.Application.Common.Authorization;

/// <summary>The facts about a street that creating a community in it depends on.</summary>
public sealed record StreetPlace(Guid Id, Guid DistrictId, string Name);
