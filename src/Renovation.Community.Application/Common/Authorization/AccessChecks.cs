using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Common.Authorization;

/// <summary>Shorthands over <see cref="Access"/> that several features need.</summary>
public static class AccessChecks
{
    /// <summary>
    /// Passes when the caller holds any of the permissions in the community. Not seeing the community at all reads as
    /// the resource's own "not found", so neither the community nor the resource leaks.
    /// </summary>
    public static async Task<CommunityPlace> RequireAnyAsync(this Access access, Guid communityId, Func<AppProblem> notFound,
        CancellationToken ct, params Permission[] anyOf)
    {
        var place = await access.RequireAsync(communityId, Permission.ViewCommunity, ct, notFound);
        var scope = await access.ScopeAsync(ct);
        if (anyOf.Length > 0 && !anyOf.Any(permission => scope.Allows(permission, place)))
            throw AppProblem.Forbidden();
        return place;
    }

    /// <summary>The caller's bound units in the community: who may answer surveys and comment there.</summary>
    public static async Task<IReadOnlyList<BoundUnit>> UnitsInAsync(this Access access, Guid communityId, CancellationToken ct) =>
        (await access.ScopeAsync(ct)).Units.Where(u => u.CommunityId == communityId).ToList();
}
