using System.Net;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

public sealed class JourneyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly RenovationWorld _world = new(api);

    [Fact]
    public async Task The_whole_journey_from_survey_to_ready_for_vote_runs_over_HTTP()
    {
        // Intake: the street opens the project with the facility survey; the three households answer.
        var community = await _world.NewCommunity(units: 3);
        var project = await _world.OpenProject(community.Id, FacilityItem.Sewage, FacilityItem.Roads, FacilityItem.StreetLights);
        Assert.Equal(ProjectState.Surveying, project.State);
        Assert.False(project.Qualification.Qualifies);
        await RenovationWorld.Answer(community.Residents[0], project.Id, consents: true);
        await RenovationWorld.Answer(community.Residents[1], project.Id, consents: true);
        await RenovationWorld.Answer(community.Residents[2], project.Id, consents: false);
        project = await _world.GetProject(project.Id);
        Assert.True(project.Qualification.Qualifies);
        Assert.Equal((3, 3, 2), (project.Qualification.Households, project.Qualification.Answered, project.Qualification.Consenting));

        // Library and annual plan.
        var office = await _world.Office();
        project = await (await office.PostAsync($"/api/v1/projects/{project.Id}/admit", null)).ShouldBe<ProjectView>(HttpStatusCode.OK);
        Assert.Equal(ProjectState.InLibrary, project.State);
        var year = api.Clock.GetUtcNow().Year + 1;
        project = await (await office.PutJson($"/api/v1/projects/{project.Id}/planned-year", new { year }))
            .ShouldBe<ProjectView>(HttpStatusCode.OK);
        Assert.Equal((ProjectState.Scheduled, year), (project.State, project.PlannedYear));

        // The plan, its joint review by two departments.
        var plan = await _world.DraftPlan(project.Id);
        Assert.Equal(120_000_000, plan.TotalFen);
        await _world.Submit(plan.Id);
        var panel = await _world.SetPanel(plan.Id, "住建局", "自然资源和规划局");
        Assert.Equal(PlanState.InReview, panel.State);
        foreach (var review in panel.Reviews)
            await _world.Decide(review.Id, ReviewDecision.Approved);
        Assert.Equal(PlanState.Approved, (await _world.GetPlan(plan.Id)).State);

        // Publicity opens by the sweep when its start comes.
        var start = api.Clock.GetUtcNow().AddDays(1);
        await _world.SchedulePublicity(plan.Id, start, TimeSpan.FromDays(7));
        await _world.Sweep();
        Assert.Equal(PlanState.PublicityScheduled, (await _world.GetPlan(plan.Id)).State);
        api.Clock.Advance(TimeSpan.FromDays(1));
        await _world.Sweep();
        Assert.Equal(PlanState.InPublicity, (await _world.GetPlan(plan.Id)).State);

        // Residents comment and object; the convener answers.
        var comment = await RenovationWorld.Comment(community.Residents[0], plan.Id, CommentKind.Comment, "希望增加电动车充电桩");
        var objection = await RenovationWorld.Comment(community.Residents[2], plan.Id, CommentKind.Objection, "施工期间车辆如何停放？");
        await _world.AnswerComment(comment.Id);
        await _world.AnswerComment(objection.Id, "施工期间开放临时停车场");

        // The period ends; every objection was answered, so the plan is ready for the owners' vote.
        api.Clock.Advance(TimeSpan.FromDays(7));
        await _world.Sweep();
        plan = await _world.GetPlan(plan.Id);
        Assert.Equal(PlanState.ReadyForVote, plan.State);
        Assert.Equal(0, plan.UnansweredObjections);

        // Works: progress and completion acceptance.
        await (await office.PostJson($"/api/v1/projects/{project.Id}/progress", new { percent = 40, notes = "管网完成" }))
            .ShouldBe<ProgressView>(HttpStatusCode.Created);
        await (await office.PostJson($"/api/v1/projects/{project.Id}/progress", new { percent = 100, notes = "全部完工" }))
            .ShouldBe<ProgressView>(HttpStatusCode.Created);
        project = await (await office.PostJson($"/api/v1/projects/{project.Id}/acceptance",
                new { representatives = new[] { "业主0", "业主1" }, notes = "验收合格" }))
            .ShouldBe<ProjectView>(HttpStatusCode.OK);
        Assert.Equal(ProjectState.Completed, project.State);
        Assert.Equal(["业主0", "业主1"], project.AcceptanceRepresentatives);

        // Every state change reached the community's real-time audience.
        var kinds = await _world.EventKinds(community.Id);
        Assert.Equal(
            ["project.opened", "project.admitted", "project.scheduled", "plan.drafted", "plan.submitted", "plan.review_started",
             "plan.review_decided", "plan.review_decided", "plan.approved", "plan.publicity_scheduled", "plan.publicity_opened",
             "publicity.comment_posted", "publicity.comment_posted", "publicity.comment_answered", "publicity.comment_answered",
             "plan.ready_for_vote", "project.progress_recorded", "project.progress_recorded", "project.completed"],
            kinds);
    }
}
