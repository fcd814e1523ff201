using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Projects;

namespace Renovation.Community.Application.Features.Proposals;

/// <summary>Answers the Projects feature's questions about plans (see <see cref="IProjectPlans"/>).</summary>
public sealed class ProjectPlans(AppDbContext db) : IProjectPlans
{
    public async Task<ProjectPlanStatus?> CurrentAsync(Guid projectId, CancellationToken ct)
    {
        var plan = await db.Plans.Where(v => v.ProjectId == projectId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.State }).FirstOrDefaultAsync(ct);
        return plan is null ? null : new ProjectPlanStatus(plan.Id, plan.State.ToString());
    }

    public Task<bool> PublicisedAsync(Guid projectId, CancellationToken ct) =>
        db.Plans.AnyAsync(p => p.ProjectId == projectId && p.State == PlanState.ReadyForVote, ct);
}
