namespace Renovation.Community.Application.Common.Authorization;

/// <summary>
/// What <see cref="Access"/> reads from the identity and register tables. Features/Identity implements it
/// (<c>ScopeStore</c>), so the shared kernel names no feature type and the layers stay one-way.
/// </summary>
public interface IScopeStore
{
    /// <summary>The user's role grants and the units they act for, read fresh from the database.</summary>
    Task<CallerScope> LoadScopeAsync(Guid userId, CancellationToken ct);

    Task<CommunityPlace?> FindCommunityAsync(Guid communityId, CancellationToken ct);

    Task<StreetPlace?> FindStreetAsync(Guid streetId, CancellationToken ct);
}
