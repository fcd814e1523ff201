using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

/// <summary>Intake, the willingness survey, qualification and the project library (domain rules section 2).</summary>
public sealed class IntakeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly RenovationWorld _world = new(api);

    [Fact]
    public async Task A_street_officer_opens_a_project_with_the_facility_survey()
    {
        var community = await _world.NewCommunity(units: 2);
        var project = await _world.OpenProject(community.Id, FacilityItem.WaterSupply, FacilityItem.Gas);
        Assert.Equal(ProjectState.Surveying, project.State);
        Assert.Equal([FacilityItem.WaterSupply, FacilityItem.Gas], project.FacilityProblems);
        Assert.Equal((2, 2, 0), (project.Qualification.ProblemCategories, project.Qualification.Households, project.Qualification.Answered));
        Assert.Equal((2, 3), (project.Qualification.ThresholdNumerator, project.Qualification.ThresholdDenominator));
        var officerId = await _world.UserId("street-officer");
        Assert.True(await api.WithDb(db => db.AuditLog.AnyAsync(a => a.EntityType == "RenovationProject"
            && a.EntityId == project.Id.ToString() && a.Action == "created" && a.ActorUserId == officerId)));
        Assert.Contains("project.opened", await _world.EventKinds(community.Id));
    }

    [Theory]
    [InlineData("city-admin", HttpStatusCode.Forbidden)]
    [InlineData("resident", HttpStatusCode.Forbidden)]
    [InlineData("committee-a", HttpStatusCode.NotFound)]
    [InlineData("property-a", HttpStatusCode.NotFound)]
    [InlineData("resident-a", HttpStatusCode.NotFound)]
    public async Task Only_a_street_officer_of_the_community_street_opens_a_project(string user, HttpStatusCode expected)
    {
        var community = await _world.NewCommunity(units: 1);
        var client = user == "resident" ? community.Residents[0].Client : await api.ClientFor(user);
        var before = await RowCounts.Settled(api);
        await (await client.PostJson("/api/v1/projects", new { communityId = community.Id, title = "改造", facilityProblems = RenovationWorld.TwoCategories }))
            .ShouldBeProblem(expected);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_street_officer_cannot_open_a_project_in_another_street()
    {
        var other = await Demo.AddOtherStreet(api);
        var before = await RowCounts.Settled(api);
        await (await (await _world.Officer()).PostJson("/api/v1/projects", new { communityId = other.CommunityId, title = "改造", facilityProblems = RenovationWorld.TwoCategories }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "community_not_found");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [InlineData("{\"communityId\":\"{c}\",\"title\":\"\",\"facilityProblems\":[]}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"communityId\":\"{c}\",\"title\":\"改造\"}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"communityId\":\"{c}\",\"title\":\"改造\",\"facilityProblems\":[\"Gas\",\"Gas\"]}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"communityId\":\"{c}\",\"title\":\"改造\",\"facilityProblems\":[42]}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"communityId\":\"{c}\",\"title\":\"改造\",\"facilityProblems\":[\"Elevators\"]}", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("{\"communityId\":\"{random}\",\"title\":\"改造\",\"facilityProblems\":[]}", HttpStatusCode.NotFound, "community_not_found")]
    [InlineData("{\"communityId\":\"{c}\",\"title\":\"改造\",\"facilityProblems\":\"Gas\"}", HttpStatusCode.BadRequest, "invalid_request")]
    public async Task Opening_a_project_with_bad_input_is_refused_and_writes_nothing(string body, HttpStatusCode status, string code)
    {
        var community = await _world.NewCommunity(units: 1);
        var json = body.Replace("{c}", community.Id.ToString()).Replace("{random}", Guid.NewGuid().ToString());
        var before = await RowCounts.Settled(api);
        var response = await (await _world.Officer()).PostAsync("/api/v1/projects", new StringContent(json, Encoding.UTF8, "application/json"));
        await response.ShouldBeProblem(status, code);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_community_built_in_2000_or_later_is_not_a_renovation_target()
    {
        var community = await _world.NewCommunity(units: 1, builtYear: 2003);
        var before = await RowCounts.Settled(api);
        await (await (await _world.Officer()).PostJson("/api/v1/projects", new { communityId = community.Id, title = "改造", facilityProblems = RenovationWorld.TwoCategories }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "community_not_eligible");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_second_open_project_for_the_same_community_is_409()
    {
        var community = await _world.NewCommunity(units: 1);
        await _world.OpenProject(community.Id);
        await (await (await _world.Officer()).PostJson("/api/v1/projects", new { communityId = community.Id, title = "再次改造", facilityProblems = RenovationWorld.TwoCategories }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "project_exists");
    }

    [Fact]
    public async Task A_bound_resident_answers_the_willingness_survey_for_their_unit()
    {
        var community = await _world.NewCommunity(units: 2);
        var project = await _world.OpenProject(community.Id);
        var resident = community.Residents[0];
        var answer = await RenovationWorld.Answer(resident, project.Id, consents: true);
        Assert.Equal((resident.UnitId, true), (answer.UnitId, answer.Consents));
        var mine = await (await resident.Client.GetAsync($"/api/v1/projects/{project.Id}/survey/mine"))
            .ShouldBe<List<SurveyAnswerView>>(HttpStatusCode.OK);
        Assert.True(Assert.Single(mine).Consents);
        var tally = (await _world.GetProject(project.Id)).Qualification;
        Assert.Equal((2, 1, 1), (tally.Households, tally.Answered, tally.Consenting));
    }

    [Fact]
    public async Task A_second_answer_for_the_same_unit_replaces_the_first()
    {
        var community = await _world.NewCommunity(units: 1);
        var project = await _world.OpenProject(community.Id);
        var coOwner = await _world.BindAnother(community.Residents[0].UnitId);
        await RenovationWorld.Answer(community.Residents[0], project.Id, consents: true);
        var replaced = await RenovationWorld.Answer(coOwner, project.Id, consents: false);
        Assert.False(replaced.Consents);
        var answers = await api.WithDb(db => db.SurveyAnswers.Where(a => a.ProjectId == project.Id).ToListAsync());
        var answer = Assert.Single(answers);
        Assert.Equal((false, coOwner.UserId), (answer.Consents, answer.AnsweredBy));
        // The change of mind is on the record.
        Assert.Equal(["created", "updated"], await api.WithDb(db => db.AuditLog
            .Where(a => a.EntityType == "SurveyAnswer" && a.EntityId == answer.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Repeating_the_same_answer_changes_nothing()
    {
        var community = await _world.NewCommunity(units: 1);
        var project = await _world.OpenProject(community.Id);
        await RenovationWorld.Answer(community.Residents[0], project.Id, consents: true);
        var before = await RowCounts.Settled(api);
        var again = await RenovationWorld.Answer(community.Residents[0], project.Id, consents: true);
        Assert.True(again.Consents);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_resident_answers_only_for_units_they_are_bound_to()
    {
        var community = await _world.NewCommunity(units: 2);
        var project = await _world.OpenProject(community.Id);
        var before = await RowCounts.Settled(api);
        await (await community.Residents[0].Client.PutJson($"/api/v1/projects/{project.Id}/survey/units/{community.Residents[1].UnitId}", new { consents = true }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "unit_not_bound");
        var outsider = await api.ClientFor("resident-b");
        await (await outsider.PutJson($"/api/v1/projects/{project.Id}/survey/units/{community.Residents[1].UnitId}", new { consents = true }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "project_not_found");
        await (await community.Residents[0].Client.PutJson($"/api/v1/projects/{project.Id}/survey/units/{community.Residents[0].UnitId}", new { }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Project_qualifies_at_exactly_two_thirds_consent()
    {
        var community = await _world.NewCommunity(units: 3);
        var project = await _world.OpenProject(community.Id);
        await RenovationWorld.Answer(community.Residents[0], project.Id, consents: true);
        await RenovationWorld.Answer(community.Residents[1], project.Id, consents: true);
        await RenovationWorld.Answer(community.Residents[2], project.Id, consents: false);
        var q = (await _world.GetProject(project.Id)).Qualification;
        Assert.True(q.MeetsConsentRule);
        Assert.True(q.Qualifies);
        await (await (await _world.Office()).PostAsync($"/api/v1/projects/{project.Id}/admit", null)).ShouldBe<ProjectView>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Project_below_two_thirds_consent_does_not_qualify()
    {
        // 2 of 4 households is 50%; 3 of 4 is 75%: the threshold lies between them.
        var community = await _world.NewCommunity(units: 4);
        var project = await _world.OpenProject(community.Id);
        await RenovationWorld.Answer(community.Residents[0], project.Id, consents: true);
        await RenovationWorld.Answer(community.Residents[1], project.Id, consents: true);
        await RenovationWorld.Answer(community.Residents[2], project.Id, consents: false);
        Assert.False((await _world.GetProject(project.Id)).Qualification.Qualifies);
        var before = await RowCounts.Settled(api);
        await (await (await _world.Office()).PostAsync($"/api/v1/projects/{project.Id}/admit", null))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "project_not_qualified");
        Assert.Equal(before, await RowCounts.Of(api));

        await RenovationWorld.Answer(community.Residents[3], project.Id, consents: true);
        Assert.True((await _world.GetProject(project.Id)).Qualification.Qualifies);
    }

    [Fact]
    public async Task Households_that_did_not_answer_count_against_consent()
    {
        var community = await _world.NewCommunity(units: 3);
        var project = await _world.OpenProject(community.Id);
        await RenovationWorld.Answer(community.Residents[0], project.Id, consents: true);
        var q = (await _world.GetProject(project.Id)).Qualification;
        Assert.Equal((3, 1, 1), (q.Households, q.Answered, q.Consenting));
        Assert.False(q.Qualifies);
    }

    [Fact]
    public async Task One_category_with_problems_does_not_qualify()
    {
        var community = await _world.NewCommunity(units: 2);
        var project = await _world.OpenProject(community.Id, FacilityItem.Roads);
        foreach (var resident in community.Residents)
            await RenovationWorld.Answer(resident, project.Id, consents: true);
        var q = (await _world.GetProject(project.Id)).Qualification;
        Assert.Equal((true, false, false), (q.MeetsConsentRule, q.MeetsFacilityRule, q.Qualifies));
        await (await (await _world.Office()).PostAsync($"/api/v1/projects/{project.Id}/admit", null))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "project_not_qualified");
    }

    [Fact]
    public async Task Water_supply_sewage_and_rainwater_are_one_category()
    {
        var community = await _world.NewCommunity(units: 1);
        var project = await _world.OpenProject(community.Id, FacilityItem.WaterSupply, FacilityItem.Sewage, FacilityItem.Rainwater);
        Assert.Equal(1, project.Qualification.ProblemCategories);
        Assert.False(project.Qualification.MeetsFacilityRule);
    }

    [Fact]
    public async Task The_facility_survey_can_be_corrected_while_surveying_but_a_stale_edit_is_409()
    {
        var community = await _world.NewCommunity(units: 1);
        var project = await _world.OpenProject(community.Id, FacilityItem.Roads);
        var officer = await _world.Officer();
        var corrected = await (await officer.PutJson($"/api/v1/projects/{project.Id}/facility-survey",
                new { facilityProblems = new[] { FacilityItem.Roads, FacilityItem.Parking }, expectedVersion = project.Version }))
            .ShouldBe<ProjectView>(HttpStatusCode.OK);
        Assert.Equal(2, corrected.Qualification.ProblemCategories);
        var before = await RowCounts.Settled(api);
        await (await officer.PutJson($"/api/v1/projects/{project.Id}/facility-survey",
                new { facilityProblems = new[] { FacilityItem.Gas }, expectedVersion = project.Version }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "stale_version");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [InlineData("street-officer")]
    [InlineData("chair-a")]
    public async Task Only_the_renovation_office_admits_projects(string user)
    {
        var community = await _world.NewCommunity(units: 1);
        var project = await _world.OpenProject(community.Id);
        await RenovationWorld.Answer(community.Residents[0], project.Id, consents: true);
        var before = await RowCounts.Settled(api);
        var response = await (await api.ClientFor(user)).PostAsync($"/api/v1/projects/{project.Id}/admit", null);
        await response.ShouldBeProblem(user == "street-officer" ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Admission_closes_the_survey_and_fixes_the_facility_survey()
    {
        var (community, project) = await _world.LibraryProject();
        var before = await RowCounts.Settled(api);
        await (await community.Residents[0].Client.PutJson($"/api/v1/projects/{project.Id}/survey/units/{community.Residents[0].UnitId}", new { consents = false }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "survey_closed");
        await (await (await _world.Officer()).PutJson($"/api/v1/projects/{project.Id}/facility-survey", new { facilityProblems = new[] { FacilityItem.Gas } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "project_not_surveying");
        await (await (await _world.Office()).PostAsync($"/api/v1/projects/{project.Id}/admit", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "project_already_admitted");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_project_is_planned_into_this_year_or_one_of_the_next_ten()
    {
        var (_, project) = await _world.LibraryProject();
        var office = await _world.Office();
        var thisYear = api.Clock.GetUtcNow().AddHours(8).Year;
        await (await office.PutJson($"/api/v1/projects/{project.Id}/planned-year", new { year = thisYear - 1 }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "planned_year_out_of_range");
        await (await office.PutJson($"/api/v1/projects/{project.Id}/planned-year", new { year = thisYear + 11 }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "planned_year_out_of_range");
        var moved = await (await office.PutJson($"/api/v1/projects/{project.Id}/planned-year", new { year = thisYear + 2 }))
            .ShouldBe<ProjectView>(HttpStatusCode.OK);
        Assert.Equal(thisYear + 2, moved.PlannedYear);
        var cityAdmin = await _world.UserId("city-admin");
        Assert.True(await api.WithDb(db => db.AuditLog.AnyAsync(a => a.EntityType == "RenovationProject"
            && a.EntityId == project.Id.ToString() && a.Action == "updated" && a.ActorUserId == cityAdmin)));
    }
}
