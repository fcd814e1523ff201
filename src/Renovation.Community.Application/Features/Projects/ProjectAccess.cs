using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Projects;

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

    /// <summary>Whether the caller works on renovation in this community (street convener or renovation office).</summary>
    public static async Task<bool> IsRenovationStaffAsync(this Access access, CommunityPlace place, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        return scope.Allows(Permission.ConveneRenovation, place) || scope.Allows(Permission.ManageRenovationLibrary, place)
            || scope.Allows(Permission.ReviewRenovationPlans, place);
    }
}
