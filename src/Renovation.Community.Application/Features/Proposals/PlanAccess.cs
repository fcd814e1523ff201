using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Projects;

namespace Renovation.Community.Application.Features.Proposals;

/// <summary>Loads a plan version for an action with the same 404/403 rules as projects; drafts are staff-only.</summary>
public static class PlanAccess
{
    public static AppProblem PlanNotFound() => AppProblem.NotFound("plan_not_found", "改造方案不存在或不在您的管辖范围内");

    public static async Task<PlanVersion> LoadPlanAsync(this AppDbContext db, Guid id, Access access, CancellationToken ct,
        params Permission[] anyOf)
    {
        var plan = await db.Plans.Include(p => p.CostItems).Include(p => p.Attachments)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw PlanNotFound();
        var place = await access.RequireAnyAsync(plan.CommunityId, PlanNotFound, ct, anyOf);
        if (!plan.IsVisibleToResidents && !await access.IsRenovationStaffAsync(place, ct))
            throw PlanNotFound();
        return plan;
    }

    public static async Task<int> UnansweredObjectionsAsync(this AppDbContext db, Guid planId, CancellationToken ct) =>
        await db.PublicityComments.CountAsync(c => c.PlanId == planId && c.Kind == CommentKind.Objection
            && c.Moderation != Moderation.Rejected && c.AnsweredAt == null, ct);
}
