using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Projects;

namespace Renovation.Community.Tests.Races;

/// <summary>
/// Projects and plans under N identical simultaneous requests: each state change happens once (one event), and every
/// loser gets what it would get one at a time, the state check's own code rather than a generic
/// <c>concurrent_update</c> or <c>duplicate</c>.
/// </summary>
public sealed class RenovationRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly RenovationWorld _world = new(api);

    private Func<Application.Data.AppDbContext, Task<int>> Events(string kind, Guid communityId, Guid subjectId)
    {
        var audience = $"community:{communityId}";
        var id = subjectId.ToString();
        return db => db.OutboxEvents.CountAsync(e => e.Kind == kind && e.Audience == audience && e.PayloadJson.Contains(id));
    }

    [Fact]
    public async Task Five_simultaneous_openings_for_one_community_open_one_project()
    {
        var community = await _world.NewCommunity(1);
        var officer = await _world.Officer();
        await api.TokenFor("street-officer");
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => officer.PostJson("/api/v1/projects", new { communityId = community.Id, title = "综合改造", facilityProblems = RenovationWorld.TwoCategories }),
            db => db.Projects.CountAsync(p => p.CommunityId == community.Id),
            HttpStatusCode.Created, HttpStatusCode.Conflict, "project_exists");
    }

    [Fact]
    public async Task Five_simultaneous_admissions_admit_the_project_once()
    {
        var community = await _world.NewCommunity(2);
        var project = await _world.OpenProject(community.Id);
        foreach (var resident in community.Residents)
            await RenovationWorld.Answer(resident, project.Id, consents: true);
        var office = await _world.Office();
        await api.TokenFor("city-admin");
        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => office.PostAsync($"/api/v1/projects/{project.Id}/admit", null),
            Events("project.admitted", community.Id, project.Id), HttpStatusCode.OK, HttpStatusCode.Conflict, "project_already_admitted");
    }

    [Fact]
    public async Task Five_simultaneous_drafts_make_one_plan_and_five_submissions_submit_it_once()
    {
        var (community, project) = await _world.LibraryProject();
        var officer = await _world.Officer();
        await api.TokenFor("street-officer");
        var answers = await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => officer.PostJson($"/api/v1/projects/{project.Id}/plans", RenovationWorld.PlanBody()),
            db => db.Plans.CountAsync(p => p.ProjectId == project.Id), HttpStatusCode.Created, HttpStatusCode.Conflict, "plan_exists");
        var plan = answers.Winner.As<PlanView>();

        await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => officer.PostAsync($"/api/v1/plans/{plan.Id}/submit", null),
            Events("plan.submitted", community.Id, plan.Id), HttpStatusCode.OK, HttpStatusCode.Conflict, "plan_not_draft");
    }

    [Fact]
    public async Task Five_simultaneous_edits_with_one_expected_version_apply_one()
    {
        var (community, project) = await _world.LibraryProject();
        var plan = await _world.DraftPlan(project.Id);
        var officer = await _world.Officer();
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => officer.PutJson($"/api/v1/plans/{plan.Id}", RenovationWorld.PlanBody(design: "改为加装电梯", expectedVersion: plan.Version)),
            Events("plan.edited", community.Id, plan.Id), HttpStatusCode.OK, HttpStatusCode.Conflict, "stale_version");
    }

    [Fact]
    public async Task Five_simultaneous_revisions_make_one_new_version()
    {
        var (community, project) = await _world.LibraryProject();
        var plan = await _world.DraftPlan(project.Id);
        await _world.Submit(plan.Id);
        var officer = await _world.Officer();
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => officer.PostJson($"/api/v1/plans/{plan.Id}/revisions", RenovationWorld.PlanBody(design: "第二版")),
            db => db.Plans.CountAsync(p => p.ProjectId == project.Id), HttpStatusCode.Created, HttpStatusCode.Conflict, "plan_not_revisable");
        Assert.Equal(1, await api.WithDb(db => db.Plans.CountAsync(p => p.ProjectId == project.Id && p.Number == 2)));
    }

    [Fact]
    public async Task Five_simultaneous_panels_and_decisions_start_and_decide_the_review_once()
    {
        var (community, project) = await _world.LibraryProject();
        var plan = await _world.DraftPlan(project.Id);
        await _world.Submit(plan.Id);
        var office = await _world.Office();
        await api.TokenFor("city-admin");
        var reviewer = await _world.UserId("city-admin");
        var answers = await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => office.PutJson($"/api/v1/plans/{plan.Id}/review-panel", new { reviewers = new[] { new { department = "住建局", reviewerUserId = reviewer } } }),
            db => db.PlanReviews.CountAsync(r => r.PlanId == plan.Id), HttpStatusCode.OK, HttpStatusCode.Conflict, "plan_not_submitted");
        var review = answers.Winner.As<PlanView>().Reviews.Single();

        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => office.PostJson($"/api/v1/plan-reviews/{review.Id}/decision", new { decision = ReviewDecision.Approved }),
            Events("plan.review_decided", community.Id, plan.Id), HttpStatusCode.OK, HttpStatusCode.Conflict, "plan_not_in_review");
        Assert.Equal(PlanState.Approved, (await _world.GetPlan(plan.Id)).State);
        Assert.Equal(1, await api.WithDb(Events("plan.approved", community.Id, plan.Id)));
    }

    [Fact]
    public async Task Five_simultaneous_identical_publicity_schedules_schedule_it_once_and_all_succeed()
    {
        var (community, _, plan) = await _world.ApprovedPlan();
        var officer = await _world.Officer();
        var startsAt = api.Clock.GetUtcNow().AddDays(1);
        var before = await api.WithDb(Events("plan.publicity_scheduled", community.Id, plan.Id));
        // One at a time, repeating the same dates is accepted and changes nothing; so is every racer.
        var answers = await Race.Run(Race.DefaultRacers,
            () => officer.PostJson($"/api/v1/plans/{plan.Id}/publicity", new { startsAt, endsAt = startsAt.AddDays(7) }));
        Assert.All(answers.All, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(before + 1, await api.WithDb(Events("plan.publicity_scheduled", community.Id, plan.Id)));
        Assert.Equal(PlanState.PublicityScheduled, (await _world.GetPlan(plan.Id)).State);
    }

    [Fact]
    public async Task Five_simultaneous_acceptances_complete_the_project_once()
    {
        var (community, project, _) = await _world.PlanInPublicity();
        api.Clock.Advance(TimeSpan.FromDays(7));
        await _world.Sweep();
        var office = await _world.Office();
        await (await office.PostJson($"/api/v1/projects/{project.Id}/progress", new { percent = 100 })).ShouldBe<ProgressView>(HttpStatusCode.Created);
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => office.PostJson($"/api/v1/projects/{project.Id}/acceptance", new { representatives = new[] { "王伟" } }),
            Events("project.completed", community.Id, project.Id), HttpStatusCode.OK, HttpStatusCode.Conflict, "project_not_under_construction");
        // Completed, the community may open its next project.
        await _world.OpenProject(community.Id);
    }
}
