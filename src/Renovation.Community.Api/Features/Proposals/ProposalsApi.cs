using Renovation.Community.Api.Common.Errors;
namespace Renovation.Community.Api.Features.Proposals;

/// <summary>Plans (改造方案): drafting and versions, joint review, publicity with comments, objections and answers.</summary>
public static class ProposalsApi
{
    public static RouteGroupBuilder MapProposalsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{projectId:guid}/plans", DraftPlan.CreateAsync).WithTags("Plans").WithName("DraftPlan").RetryWhenRaceLost()
            .WithSummary("Draft version 1 of a library project's plan (street officer)");
        api.MapGet("/projects/{projectId:guid}/plans", PlanQueries.ForProjectAsync).WithTags("Plans").WithName("ListProjectPlans")
            .WithSummary("Versions of a project's plan, newest first");

        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("/", PlanQueries.SearchAsync).WithName("SearchPlans").WithSummary("Plans I can see, by state and community");
        plans.MapGet("/{id:guid}", PlanQueries.GetAsync).WithName("GetPlan");
        plans.MapPut("/{id:guid}", DraftPlan.EditAsync).WithName("EditPlan").RetryWhenRaceLost()
            .WithSummary("Edit a draft in place; send expectedVersion to refuse a stale edit");
        plans.MapPost("/{id:guid}/revisions", DraftPlan.ReviseAsync).WithName("RevisePlan").RetryWhenRaceLost()
            .WithSummary("Change a submitted plan: makes the next version as a draft and supersedes this one");
        plans.MapGet("/{id:guid}/changes", PlanChanges.GetAsync).WithName("GetPlanChanges")
            .WithSummary("Field-level changes from another version (default: the previous one)");
        plans.MapPost("/{id:guid}/submit", JointReview.SubmitAsync).WithName("SubmitPlan").RetryWhenRaceLost()
            .WithSummary("Send a draft to the joint review (street officer)");
        plans.MapPut("/{id:guid}/review-panel", JointReview.SetPanelAsync).WithName("SetReviewPanel").RetryWhenRaceLost()
            .WithSummary("Name the reviewing departments and their reviewers (renovation office)");
        plans.MapPost("/{id:guid}/publicity", Publicity.ScheduleAsync).WithName("SchedulePublicity").RetryWhenRaceLost()
            .WithSummary("Set the publicity period of an approved plan (street officer)");
        plans.MapPost("/{id:guid}/comments", PublicityComments.PostAsync).WithName("PostPublicityComment")
            .WithSummary("Comment on or object to a plan in publicity (bound residents); optional Idempotency-Key header");
        plans.MapGet("/{id:guid}/comments", PublicityComments.ListAsync).WithName("ListPublicityComments");

        var reviews = api.MapGroup("/plan-reviews").WithTags("Plans");
        reviews.MapGet("/mine", JointReview.MineAsync).WithName("MyPlanReviews").WithSummary("Reviews assigned to me");
        reviews.MapPost("/{id:guid}/decision", JointReview.DecideAsync).WithName("DecidePlanReview").RetryWhenRaceLost()
            .WithSummary("Approve or ask for changes (the assigned reviewer)");

        var comments = api.MapGroup("/publicity-comments").WithTags("Plans");
        comments.MapGet("/mine", PublicityComments.MineAsync).WithName("MyPublicityComments");
        comments.MapPost("/{id:guid}/answer", PublicityComments.AnswerAsync).WithName("AnswerPublicityComment").RetryWhenRaceLost()
            .WithSummary("Answer a comment or objection (street officer, the convener)");
        comments.MapPost("/{id:guid}/moderation", PublicityComments.ModerateAsync).WithName("ModeratePublicityComment").RetryWhenRaceLost()
            .WithSummary("Publish or reject a comment the content check held (street officer)");
        return api;
    }
}
