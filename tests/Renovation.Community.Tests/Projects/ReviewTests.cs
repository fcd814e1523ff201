using System.Net;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

/// <summary>Joint technical review (联合审查): every named department must approve before publicity.</summary>
public sealed class ReviewTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly RenovationWorld _world = new(api);

    private async Task<PlanView> SubmittedPlan()
    {
        var (_, project) = await _world.LibraryProject();
        var plan = await _world.DraftPlan(project.Id);
        return await _world.Submit(plan.Id);
    }

    [Fact]
    public async Task All_reviewing_departments_must_approve_before_publicity()
    {
        var plan = await SubmittedPlan();
        var panel = await _world.SetPanel(plan.Id, "住建局", "消防救援大队");
        await _world.Decide(panel.Reviews[0].Id, ReviewDecision.Approved);
        Assert.Equal(PlanState.InReview, (await _world.GetPlan(plan.Id)).State);
        var before = await RowCounts.Settled(api);
        await (await (await _world.Officer()).PostJson($"/api/v1/plans/{plan.Id}/publicity",
                new { startsAt = api.Clock.GetUtcNow(), endsAt = api.Clock.GetUtcNow().AddDays(7) }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "plan_not_approved");
        Assert.Equal(before, await RowCounts.Of(api));

        await _world.Decide(panel.Reviews[1].Id, ReviewDecision.Approved);
        Assert.Equal(PlanState.Approved, (await _world.GetPlan(plan.Id)).State);
        await _world.SchedulePublicity(plan.Id, api.Clock.GetUtcNow(), TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task A_department_asking_for_changes_sends_the_plan_back_for_a_new_version()
    {
        var plan = await SubmittedPlan();
        var panel = await _world.SetPanel(plan.Id, "住建局", "自然资源和规划局");
        var review = await _world.Decide(panel.Reviews[0].Id, ReviewDecision.ChangesRequested, "请补充管线迁改方案");
        Assert.Equal("请补充管线迁改方案", review.Comment);
        Assert.Equal(PlanState.ChangesRequested, (await _world.GetPlan(plan.Id)).State);
        await (await (await _world.Office()).PostJson($"/api/v1/plan-reviews/{panel.Reviews[1].Id}/decision", new { decision = "Approved" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "plan_not_in_review");

        var v2 = await (await (await _world.Officer()).PostJson($"/api/v1/plans/{plan.Id}/revisions", RenovationWorld.PlanBody("补充管线迁改方案")))
            .ShouldBe<PlanView>(HttpStatusCode.Created);
        var submitted = await _world.Submit(v2.Id);
        // The new version starts a new review: nothing carries over from version 1.
        Assert.Equal(PlanState.Submitted, submitted.State);
        Assert.Empty(submitted.Reviews);
    }

    [Fact]
    public async Task Asking_for_changes_needs_a_comment()
    {
        var plan = await SubmittedPlan();
        var panel = await _world.SetPanel(plan.Id, "住建局");
        var before = await RowCounts.Settled(api);
        await (await (await _world.Office()).PostJson($"/api/v1/plan-reviews/{panel.Reviews[0].Id}/decision", new { decision = "ChangesRequested", comment = " " }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await (await _world.Office()).PostJson($"/api/v1/plan-reviews/{panel.Reviews[0].Id}/decision", new { decision = "Pending" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_department_decides_once()
    {
        var plan = await SubmittedPlan();
        var panel = await _world.SetPanel(plan.Id, "住建局", "消防救援大队");
        await _world.Decide(panel.Reviews[0].Id, ReviewDecision.Approved);
        await (await (await _world.Office()).PostJson($"/api/v1/plan-reviews/{panel.Reviews[0].Id}/decision", new { decision = "ChangesRequested", comment = "改主意" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "review_already_decided");
    }

    [Fact]
    public async Task Only_the_assigned_reviewer_decides_a_review()
    {
        var plan = await SubmittedPlan();
        var panel = await _world.SetPanel(plan.Id, "住建局");
        var reviewId = panel.Reviews[0].Id;
        var otherAdmin = await NewDistrictAdmin();
        var before = await RowCounts.Settled(api);
        await (await otherAdmin.PostJson($"/api/v1/plan-reviews/{reviewId}/decision", new { decision = "Approved" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_the_reviewer");
        await (await (await _world.Officer()).PostJson($"/api/v1/plan-reviews/{reviewId}/decision", new { decision = "Approved" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await (await api.ClientFor("committee-b")).PostJson($"/api/v1/plan-reviews/{reviewId}/decision", new { decision = "Approved" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "review_not_found");
        await (await otherAdmin.PostJson($"/api/v1/plan-reviews/{Guid.NewGuid()}/decision", new { decision = "Approved" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "review_not_found");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Reviewers_must_be_renovation_office_staff()
    {
        var plan = await SubmittedPlan();
        var officerId = await _world.UserId("street-officer");
        var before = await RowCounts.Settled(api);
        await (await (await _world.Office()).PutJson($"/api/v1/plans/{plan.Id}/review-panel",
                new { reviewers = new[] { new { department = "住建局", reviewerUserId = officerId } } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reviewer_not_city_admin");
        await (await (await _world.Office()).PutJson($"/api/v1/plans/{plan.Id}/review-panel",
                new { reviewers = new[] { new { department = "住建局", reviewerUserId = officerId }, new { department = "住建局", reviewerUserId = officerId } } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task The_review_panel_is_named_by_the_renovation_office_after_submission()
    {
        var (_, project) = await _world.LibraryProject();
        var draft = await _world.DraftPlan(project.Id);
        var reviewer = await _world.UserId("city-admin");
        var body = new { reviewers = new[] { new { department = "住建局", reviewerUserId = reviewer } } };
        var before = await RowCounts.Settled(api);
        await (await (await _world.Office()).PutJson($"/api/v1/plans/{draft.Id}/review-panel", body))
            .ShouldBeProblem(HttpStatusCode.Conflict, "plan_not_submitted");
        await _world.Submit(draft.Id);
        before = await RowCounts.Settled(api);
        await (await (await _world.Officer()).PutJson($"/api/v1/plans/{draft.Id}/review-panel", body))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Reviewers_list_the_reviews_assigned_to_them_and_are_told_in_real_time()
    {
        var plan = await SubmittedPlan();
        var panel = await _world.SetPanel(plan.Id, "住建局");
        var mine = await (await (await _world.Office()).GetAsync("/api/v1/plan-reviews/mine?pending=true"))
            .ShouldBe<Page<MyReviewView>>(HttpStatusCode.OK);
        Assert.Contains(mine.Items, r => r.Id == panel.Reviews[0].Id && r.Department == "住建局" && r.PlanId == plan.Id);
        var reviewer = await _world.UserId("city-admin");
        Assert.True(await api.WithDb(db => Task.FromResult(db.OutboxEvents.Any(e => e.Kind == "review.assigned" && e.Audience == $"user:{reviewer}"))));
    }

    private async Task<HttpClient> NewDistrictAdmin()
    {
        var demo = await Demo.Of(api);
        var (client, userId) = await _world.NewUser();
        Assert.Equal(HttpStatusCode.Created, (await (await _world.Office()).PostJson("/api/v1/role-grants",
            new { userId, role = "CityAdmin", scopeId = demo.DistrictId })).StatusCode);
        return client;
    }
}
