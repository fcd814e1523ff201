using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Projects;

namespace Renovation.Community.Application.Features.Proposals;

public sealed record ReviewerInput(string Department, Guid ReviewerUserId);

public sealed record SetReviewPanel([property: Required] IReadOnlyList<ReviewerInput>? Reviewers) : IValidatable
{
    public const int MaxReviewers = 12;

    public void Validate(Validator v)
    {
        if (Reviewers is null || Reviewers.Count == 0)
        {
            v.Add("reviewers", "请至少指定一个审查部门");
            return;
        }
        if (Reviewers.Count > MaxReviewers)
            v.Add("reviewers", $"审查部门不超过 {MaxReviewers} 个");
        for (var i = 0; i < Reviewers.Count; i++)
            v.Text(Reviewers[i]?.Department, $"reviewers[{i}].department", "审查部门名称", 64)
                .NotEmpty(Reviewers[i]?.ReviewerUserId ?? Guid.Empty, $"reviewers[{i}].reviewerUserId", "审查人");
        if (Reviewers.Select(r => r?.Department?.Trim()).Distinct().Count() != Reviewers.Count)
            v.Add("reviewers", "审查部门不能重复");
    }
}

public sealed record DecideReview(ReviewDecision Decision, string? Comment) : IValidatable
{
    public void Validate(Validator v)
    {
        if (Decision is not (ReviewDecision.Approved or ReviewDecision.ChangesRequested))
            v.Add("decision", "请选择同意（Approved）或要求修改（ChangesRequested）");
        v.Text(Comment, "comment", "审查意见", 2000, required: Decision == ReviewDecision.ChangesRequested);
    }
}

public sealed record MyReviewView(Guid Id, Guid PlanId, Guid ProjectId, Guid CommunityId, string PlanTitle, int PlanNumber,
    string Department, ReviewDecision Decision, DateTimeOffset AssignedAt, DateTimeOffset? DecidedAt);

/// <summary>
/// Joint technical review (联合审查): the street submits, the renovation office names the departments and who records
/// each one's opinion, and the plan is approved only when every department approved.
/// </summary>
public static class JointReview
{
    private static AppProblem ReviewNotFound() => AppProblem.NotFound("review_not_found", "审查任务不存在");

    public static async Task<Ok<PlanView>> SubmitAsync(Guid id, Access access, AppDbContext db, EventOutbox outbox,
        TimeProvider clock, CancellationToken ct)
    {
        var plan = await db.LoadPlanAsync(id, access, ct, Permission.ConveneRenovation);
        plan.Submit(clock.GetUtcNow());
        outbox.Publish("plan.submitted", plan.CommunityId, plan.StreetId, DraftPlan.Payload(plan));
        outbox.PublishToOffice("plan.submitted", DraftPlan.Payload(plan));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewOfAsync(plan, ct));
    }

    /// <summary>Names the whole panel at once, so an early approval cannot approve a plan before the last department is named.</summary>
    public static async Task<Ok<PlanView>> SetPanelAsync(Guid id, SetReviewPanel request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var plan = await db.LoadPlanAsync(id, access, ct, Permission.ManageRenovationLibrary);
        var place = (await access.FindPlaceAsync(plan.CommunityId, ct))!;
        var reviewerIds = request.Reviewers!.Select(r => r.ReviewerUserId).Distinct().ToList();
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => reviewerIds.Contains(g.UserId) && g.Role == Role.CityAdmin).ToListAsync(ct);
        var unqualified = reviewerIds.Where(u => !grants.Any(g => g.UserId == u && (g.ScopeId == null || g.ScopeId == place.DistrictId))).ToList();
        if (unqualified.Count > 0)
            throw new DomainRuleViolation("reviewer_not_city_admin", "审查人须为负责该小区所在区或全市的旧改办人员")
                .With("reviewerUserIds", unqualified);

        var now = clock.GetUtcNow();
        plan.StartReview(now);
        foreach (var reviewer in request.Reviewers!)
        {
            var review = new PlanReview(plan.Id, plan.CommunityId, reviewer.Department, reviewer.ReviewerUserId, access.UserId, now);
            db.PlanReviews.Add(review);
            outbox.Add("review.assigned", Audience.User(reviewer.ReviewerUserId),
                new { reviewId = review.Id, planId = plan.Id, department = review.Department });
        }
        outbox.Publish("plan.review_started", plan.CommunityId, plan.StreetId, DraftPlan.Payload(plan));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewOfAsync(plan, ct));
    }

    public static async Task<Ok<ReviewView>> DecideAsync(Guid id, DecideReview request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var review = await db.PlanReviews.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw ReviewNotFound();
        await access.RequireAnyAsync(review.CommunityId, ReviewNotFound, ct, Permission.ReviewRenovationPlans);
        if (review.ReviewerUserId != access.UserId)
            throw new AppProblem(StatusCodes.Status403Forbidden, "not_the_reviewer", "该审查任务未分配给您");
        var plan = await db.Plans.SingleAsync(p => p.Id == review.PlanId, ct);
        if (plan.State != PlanState.InReview)
            throw new DomainRuleViolation("plan_not_in_review", "方案已不在审查中", StatusCodes.Status409Conflict);

        var now = clock.GetUtcNow();
        review.Decide(request.Decision, request.Comment, now);
        var decisions = await db.PlanReviews.Where(r => r.PlanId == plan.Id && r.Id != review.Id)
            .Select(r => r.Decision).ToListAsync(ct);
        decisions.Add(review.Decision);
        var before = plan.State;
        plan.ReviewDecided(decisions, now);

        outbox.Publish("plan.review_decided", plan.CommunityId, plan.StreetId,
            new { planId = plan.Id, reviewId = id, department = review.Department, decision = review.Decision });
        if (plan.State != before)
            outbox.Publish(plan.State == PlanState.Approved ? "plan.approved" : "plan.changes_requested",
                plan.CommunityId, plan.StreetId, DraftPlan.Payload(plan));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReviewView.From(review));
    }

    public static async Task<Ok<Page<MyReviewView>>> MineAsync(bool? pending, [AsParameters] PageRequest page, Access access,
        AppDbContext db, CancellationToken ct)
    {
        var me = access.UserId;
        var reviews = db.PlanReviews.AsNoTracking().Where(r => r.ReviewerUserId == me);
        if (pending == true)
            reviews = reviews.Where(r => r.Decision == ReviewDecision.Pending);
        var query = from r in reviews
                    join p in db.Plans on r.PlanId equals p.Id
                    orderby r.AssignedAt descending, r.Id
                    select new MyReviewView(r.Id, r.PlanId, p.ProjectId, p.CommunityId, p.Title, p.Number, r.Department,
                        r.Decision, r.AssignedAt, r.DecidedAt);
        return TypedResults.Ok(await query.ToPageAsync(page, ct));
    }
}
