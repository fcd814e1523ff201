using System.Net;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

/// <summary>The lists residents and officers need: scoped to what the caller may see, filtered and paged.</summary>
public sealed class ListTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly RenovationWorld _world = new(api);

    [Fact]
    public async Task Project_lists_filter_by_state_and_community_and_are_scoped()
    {
        var surveying = await _world.NewCommunity(units: 1);
        var open = await _world.OpenProject(surveying.Id);
        var (library, admitted) = await _world.LibraryProject();

        var officer = await _world.Officer();
        var all = await (await officer.GetAsync("/api/v1/projects?pageSize=100")).ShouldBe<Page<ProjectSummary>>(HttpStatusCode.OK);
        Assert.Contains(all.Items, p => p.Id == open.Id);
        Assert.Contains(all.Items, p => p.Id == admitted.Id);
        var scheduled = await (await officer.GetAsync("/api/v1/projects?state=Scheduled&pageSize=100")).ShouldBe<Page<ProjectSummary>>(HttpStatusCode.OK);
        Assert.All(scheduled.Items, p => Assert.Equal(ProjectState.Scheduled, p.State));
        Assert.Contains(scheduled.Items, p => p.Id == admitted.Id);
        var byCommunity = await (await officer.GetAsync($"/api/v1/projects?communityId={surveying.Id}")).ShouldBe<Page<ProjectSummary>>(HttpStatusCode.OK);
        Assert.Equal(open.Id, Assert.Single(byCommunity.Items).Id);

        // A resident sees the projects of their own community only.
        var mine = await (await library.Residents[0].Client.GetAsync("/api/v1/projects")).ShouldBe<Page<ProjectSummary>>(HttpStatusCode.OK);
        Assert.Equal(admitted.Id, Assert.Single(mine.Items).Id);
        var outsider = await api.ClientFor("resident-b");
        Assert.DoesNotContain((await (await outsider.GetAsync("/api/v1/projects?pageSize=100")).ShouldBe<Page<ProjectSummary>>(HttpStatusCode.OK)).Items,
            p => p.Id == open.Id || p.Id == admitted.Id);
        await (await outsider.GetAsync($"/api/v1/projects?communityId={surveying.Id}")).ShouldBeProblem(HttpStatusCode.NotFound, "community_not_found");
        await (await outsider.GetAsync($"/api/v1/projects/{open.Id}")).ShouldBeProblem(HttpStatusCode.NotFound, "project_not_found");
    }

    [Fact]
    public async Task Plan_search_shows_residents_plans_in_publicity_but_not_drafts()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        var (_, otherProject) = await _world.LibraryProject();
        var draft = await _world.DraftPlan(otherProject.Id);

        var resident = community.Residents[0].Client;
        var inPublicity = await (await resident.GetAsync("/api/v1/plans?state=InPublicity")).ShouldBe<Page<PlanSummary>>(HttpStatusCode.OK);
        Assert.Equal(plan.Id, Assert.Single(inPublicity.Items).Id);
        var officerDrafts = await (await (await _world.Officer()).GetAsync("/api/v1/plans?state=Draft&pageSize=100")).ShouldBe<Page<PlanSummary>>(HttpStatusCode.OK);
        Assert.Contains(officerDrafts.Items, p => p.Id == draft.Id);
        var committee = await api.ClientFor("committee-a");
        Assert.Empty((await (await committee.GetAsync("/api/v1/plans?state=Draft&pageSize=100")).ShouldBe<Page<PlanSummary>>(HttpStatusCode.OK)).Items);
    }

    [Theory]
    [InlineData("/api/v1/projects?pageSize=0", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("/api/v1/projects?page=0", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("/api/v1/projects?state=Demolished", HttpStatusCode.BadRequest, "invalid_query")]
    [InlineData("/api/v1/plans?pageSize=101", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("/api/v1/plan-reviews/mine?pageSize=0", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("/api/v1/publicity-comments/mine?page=-1", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("/api/v1/projects/not-a-guid", HttpStatusCode.NotFound, "not_found")]
    public async Task Bad_list_parameters_are_coded_problems(string url, HttpStatusCode status, string code)
    {
        await (await (await _world.Office()).GetAsync(url)).ShouldBeProblem(status, code);
    }

    [Fact]
    public async Task Signed_out_callers_are_401()
    {
        await (await api.CreateClient().GetAsync("/api/v1/projects")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
