namespace Renovation.Community.Application.Common.Authorization;

/// <summary>A unit the caller may act for, with where it sits (for scoping and SignalR groups).</summary>
public sealed record BoundUnit(Guid UnitId, Guid BuildingId, Guid CommunityId, Guid StreetId, Guid OwnerPartyId);
