using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Projects;

/// <summary>What residents and officers look up: one project with its qualification, and scoped, paged lists.</summary>
public static class ProjectQueries
{
    public static async Task<Ok<ProjectView>> GetAsync(Guid id, Access access, AppDbContext db, IProjectPlans plans, CancellationToken ct)
    {
        var project = await db.LoadProjectAsync(id, access, ct);
        return TypedResults.Ok(await db.ViewOfAsync(project, plans, ct));
    }

    /// <summary>
    /// Projects in communities the caller can see (residents: where they are bound; officers: their street; the
    /// office: its district or the city), optionally by state, community, planned year or community name.
    /// </summary>
    public static async Task<Ok<Page<ProjectSummary>>> ListAsync(ProjectState? state, Guid? communityId, int? year,
        string? name, [AsParameters] PageRequest page, Access access, AppDbContext db, CancellationToken ct)
    {
        if (communityId is not null)
            await access.RequireAsync(communityId.Value, Permission.ViewCommunity, ct);
        var scope = await access.ScopeAsync(ct);
        var communities = scope.Filter(db.Communities.AsNoTracking(), Permission.ViewCommunity);
        if (communityId is not null)
            communities = communities.Where(c => c.Id == communityId);
        if (!string.IsNullOrWhiteSpace(name))
            communities = communities.Where(c => c.Name.Contains(name.Trim()));
        var projects = db.Projects.AsNoTracking();
        if (state is not null)
            projects = projects.Where(p => p.State == state);
        if (year is not null)
            projects = projects.Where(p => p.PlannedYear == year);
        var query = from p in projects
                    join c in communities on p.CommunityId equals c.Id
                    orderby p.OpenedAt descending, p.Id
                    select new ProjectSummary(p.Id, p.CommunityId, c.Name, p.Title, p.State, p.PlannedYear, p.ProgressPercent, p.OpenedAt);
        return TypedResults.Ok(await query.ToPageAsync(page, ct));
    }
}
