using Renovation.Community.Application.Extensions;
using Renovation.Community.Application.Common.Errors;
namespace Renovation.Community.Application.Features.Proposals;

/// <summary>Plans (改造方案): drafting and versions, joint review, publicity with comments, objections and answers.</summary>
public static class ProposalsApi
{
    public static RouteGroupBuilder MapProposalsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{projectId:guid}/plans", DraftPlan.CreateAsync).WithTags("Plans").WithName("DraftPlan").RetryWhenRaceLost()
            .WithSummary("Draft version 1 of a library project's plan (street officer)")
            .WithDescription("Drafts version 1 of the plan of a project in the library: design, after-care, cost lines and funding (the funding must add up to the cost). A project has one plan; later changes are revisions (409 plan_exists).");
        api.MapGet("/projects/{projectId:guid}/plans", PlanQueries.ForProjectAsync).WithTags("Plans").WithName("ListProjectPlans")
            .WithSummary("Versions of a project's plan, newest first")
            .WithDescription("Every version of a project's plan, newest first; residents see only versions that left the drafting table.");

        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("/", PlanQueries.SearchAsync).WithName("SearchPlans")
            .WithSummary("Plans I can see, by state and community")
            .WithDescription("Plans in communities the caller can see, filtered by state and community. Paged.");
        plans.MapGet("/{id:guid}", PlanQueries.GetAsync).WithName("GetPlan")
            .WithSummary("One plan version")
            .WithDescription("A plan version with its content, reviews, publicity dates and state.");
        plans.MapPut("/{id:guid}", DraftPlan.EditAsync).WithName("EditPlan").RetryWhenRaceLost()
            .WithSummary("Edit a draft in place; send expectedVersion to refuse a stale edit")
            .WithDescription("Replaces the content of a draft. expectedVersion is optional and guards against overwriting a change made since the client read the plan (409 stale_version). Submitted plans are revised instead (409 plan_not_editable).");
        plans.MapPost("/{id:guid}/revisions", DraftPlan.ReviseAsync).WithName("RevisePlan").RetryWhenRaceLost()
            .WithSummary("Change a submitted plan: makes the next version as a draft and supersedes this one")
            .WithDescription("Makes version N+1 of a submitted, reviewed or approved plan as a new draft and supersedes version N, which must go through review and publicity again. Not while publicity runs (409 plan_not_revisable).");
        plans.MapGet("/{id:guid}/changes", PlanChanges.GetAsync).WithName("GetPlanChanges")
            .WithSummary("Field-level changes from another version (default: the previous one)")
            .WithDescription("What changed between this version and another (by default the one it replaced), field by field and per cost line.");
        plans.MapPost("/{id:guid}/submit", JointReview.SubmitAsync).WithName("SubmitPlan").RetryWhenRaceLost()
            .WithSummary("Send a draft to the joint review (street officer)")
            .WithDescription("Sends a draft to the renovation office for joint review; its content is then frozen. Submitting twice answers 409 plan_not_draft.");
        plans.MapPut("/{id:guid}/review-panel", JointReview.SetPanelAsync).WithName("SetReviewPanel").RetryWhenRaceLost()
            .WithSummary("Name the reviewing departments and their reviewers (renovation office)")
            .WithDescription("Names every reviewing department and the city admin who records its opinion, at once; the joint review starts. Reviewers must be city admins of the district or the whole city.");
        plans.MapPost("/{id:guid}/publicity", Publicity.ScheduleAsync).WithName("SchedulePublicity").RetryWhenRaceLost()
            .WithSummary("Set the publicity period of an approved plan (street officer)")
            .WithDescription("Sets or moves the publicity period (at least the configured minimum of days) of an approved plan; the sweep opens and closes it. Repeating the same dates changes nothing. expectedVersion is optional.");
        plans.MapPost("/{id:guid}/comments", PublicityComments.PostAsync).WithName("PostPublicityComment")
            .DeclaresHeader("Idempotency-Key", required: false, "Optional: a retry with the same key returns the first comment (200) instead of posting a second.")
            .WithSummary("Comment on or object to a plan in publicity (bound residents); optional Idempotency-Key header")
            .WithDescription("A bound resident of the community comments on or objects to a plan while its publicity runs. The text passes WeChat's content check; a held comment waits for moderation. An optional Idempotency-Key header makes a retry return the first comment (200) instead of posting twice.");
        plans.MapGet("/{id:guid}/comments", PublicityComments.ListAsync).WithName("ListPublicityComments")
            .WithSummary("Comments on a plan")
            .WithDescription("Published comments and objections with their answers; the convener also sees held ones. Paged.");

        var reviews = api.MapGroup("/plan-reviews").WithTags("Plans");
        reviews.MapGet("/mine", JointReview.MineAsync).WithName("MyPlanReviews")
            .WithSummary("Reviews assigned to me")
            .WithDescription("The review tasks assigned to the caller, optionally only the pending ones, with their plan. Paged.");
        reviews.MapPost("/{id:guid}/decision", JointReview.DecideAsync).WithName("DecidePlanReview").RetryWhenRaceLost()
            .WithSummary("Approve or ask for changes (the assigned reviewer)")
            .WithDescription("The assigned reviewer approves, or asks for changes with a comment. The plan is approved when every department approved, and goes back to the street when one asks for changes.");

        var comments = api.MapGroup("/publicity-comments").WithTags("Plans");
        comments.MapGet("/mine", PublicityComments.MineAsync).WithName("MyPublicityComments")
            .WithSummary("My publicity comments")
            .WithDescription("The caller's comments and objections with their state and answers. Paged.");
        comments.MapPost("/{id:guid}/answer", PublicityComments.AnswerAsync).WithName("AnswerPublicityComment").RetryWhenRaceLost()
            .WithSummary("Answer a comment or objection (street officer, the convener)")
            .WithDescription("Answers a comment or objection. Publicity ends only when every objection has been answered.");
        comments.MapPost("/{id:guid}/moderation", PublicityComments.ModerateAsync).WithName("ModeratePublicityComment").RetryWhenRaceLost()
            .WithSummary("Publish or reject a comment the content check held (street officer)")
            .WithDescription("Publishes or rejects a comment that WeChat's content check held for review.");
        return api;
    }
}
