using Microsoft.EntityFrameworkCore;
using Renovation.Community.Api.Common.Errors;
using Renovation.Community.Api.Data;
using Renovation.Community.Api.Features.Identity;

namespace Renovation.Community.Api.Features.Projects;

/// <summary>Loads a project for an action, answering 404 when the caller cannot see its community and 403 when not allowed.</summary>
public static class ProjectAccess
{
    public static AppProblem ProjectNotFound() => AppProblem.NotFound("project_not_found", "改造项目不存在或不在您的管辖范围内");

    public static async Task<RenovationProject> LoadProjectAsync(this AppDbContext db, Guid id, Access access,
        CancellationToken ct, params Permission[] anyOf)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw ProjectNotFound();
        await access.RequireAnyAsync(project.CommunityId, ProjectNotFound, ct, anyOf);
        return project;
    }

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

    /// <summary>Whether the caller works on renovation in this community (street convener or renovation office).</summary>
    public static async Task<bool> IsRenovationStaffAsync(this Access access, CommunityPlace place, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        return scope.Allows(Permission.ConveneRenovation, place) || scope.Allows(Permission.ManageRenovationLibrary, place)
            || scope.Allows(Permission.ReviewRenovationPlans, place);
    }

    /// <summary>The caller's bound units in the community: who may answer surveys and comment there.</summary>
    public static async Task<IReadOnlyList<BoundUnit>> UnitsInAsync(this Access access, Guid communityId, CancellationToken ct) =>
        (await access.ScopeAsync(ct)).Units.Where(u => u.CommunityId == communityId).ToList();

    /// <summary>
    /// Applies the client's expected version to the tracked entity so the UPDATE fails if someone changed it since
    /// the client read it, even between this check and the save.
    /// </summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, int? expected, Func<T, int> current) where T : class
    {
        if (expected is null)
            return;
        if (expected != current(entity))
            throw AppProblem.Conflict("stale_version", "数据已被他人修改，请刷新后重试").With("currentVersion", current(entity));
        db.Entry(entity).Property("Version").OriginalValue = expected.Value;
    }
}
