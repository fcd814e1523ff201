using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Projects;

namespace Renovation.Community.Application.Features.Proposals;

/// <summary>Reading plans: one version, a project's versions, and a scoped search by state and community.</summary>
public static class PlanQueries
{
    public static async Task<Ok<PlanView>> GetAsync(Guid id, Access access, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.ViewOfAsync(await db.LoadPlanAsync(id, access, ct), ct));

    public static async Task<Ok<List<PlanSummary>>> ForProjectAsync(Guid projectId, Access access, AppDbContext db,
        CancellationToken ct)
    {
        var project = await db.LoadProjectAsync(projectId, access, ct);
        var staff = await access.IsRenovationStaffAsync((await access.FindPlaceAsync(project.CommunityId, ct))!, ct);
        var plans = db.Plans.AsNoTracking().Where(p => p.ProjectId == projectId);
        if (!staff)
            plans = plans.Where(p => p.State != PlanState.Draft);
        return TypedResults.Ok(await plans.OrderByDescending(p => p.Number).Summaries().ToListAsync(ct));
    }

    /// <summary>E.g. the office's "submitted, waiting for reviewers", or a resident's "in publicity in my community".</summary>
    public static async Task<Ok<Page<PlanSummary>>> SearchAsync(PlanState? state, Guid? communityId,
        [AsParameters] PageRequest page, Access access, AppDbContext db, CancellationToken ct)
    {
        if (communityId is not null)
            await access.RequireAsync(communityId.Value, Permission.ViewCommunity, ct);
        var scope = await access.ScopeAsync(ct);
        var visible = scope.Filter(db.Communities, Permission.ViewCommunity).Select(c => c.Id);
        var convened = scope.Filter(db.Communities, Permission.ConveneRenovation).Select(c => c.Id);
        var managed = scope.Filter(db.Communities, Permission.ManageRenovationLibrary).Select(c => c.Id);
        var plans = db.Plans.AsNoTracking().Where(p => visible.Contains(p.CommunityId)
            && (p.State != PlanState.Draft || convened.Contains(p.CommunityId) || managed.Contains(p.CommunityId)));
        if (state is not null)
            plans = plans.Where(p => p.State == state);
        if (communityId is not null)
            plans = plans.Where(p => p.CommunityId == communityId);
        return TypedResults.Ok(await plans.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Summaries().ToPageAsync(page, ct));
    }
}
