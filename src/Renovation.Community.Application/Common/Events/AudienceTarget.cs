using Renovation.Community.Application.Common.Authorization;

namespace Renovation.Community.Application.Common.Events;

/// <summary>A parsed <see cref="Audience"/>: the kind, its id (null for a city-wide role) and, for role holders, the role.</summary>
public sealed record AudienceTarget(AudienceKind Kind, Guid? Id, Role? Role);
