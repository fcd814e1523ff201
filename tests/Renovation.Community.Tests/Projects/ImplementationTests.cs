using System.Net;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

/// <summary>After publicity: implementation progress (per cent, notes, photos) and completion acceptance.</summary>
public sealed class ImplementationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly RenovationWorld _world = new(api);

    /// <summary>A scheduled project whose plan finished publicity.</summary>
    private async Task<ProjectView> ProjectReadyForWorks()
    {
        var (_, project, _) = await _world.PlanInPublicity();
        api.Clock.Advance(TimeSpan.FromDays(7));
        await _world.Sweep();
        return project;
    }

    private async Task<HttpResponseMessage> Progress(Guid projectId, object body) =>
        await (await _world.Office()).PostJson($"/api/v1/projects/{projectId}/progress", body);

    [Fact]
    public async Task Progress_is_recorded_in_per_cent_with_notes_and_photos()
    {
        var project = await ProjectReadyForWorks();
        var photo = await Uploads.Upload(await _world.Office(), project.Id, Uploads.Png, "工地.jpg");
        var entry = await (await Progress(project.Id, new { percent = 35, notes = "雨污管网完成一半", photoFileIds = new[] { photo.Id } }))
            .ShouldBe<ProgressView>(HttpStatusCode.Created);
        Assert.Equal((35, photo.Id), (entry.Percent, Assert.Single(entry.PhotoFileIds)));
        var updated = await _world.GetProject(project.Id);
        Assert.Equal((ProjectState.UnderConstruction, 35), (updated.State, updated.ProgressPercent));
        var list = await (await (await _world.Officer()).GetAsync($"/api/v1/projects/{project.Id}/progress")).ShouldBe<List<ProgressView>>(HttpStatusCode.OK);
        Assert.Equal("雨污管网完成一半", Assert.Single(list).Notes);
    }

    [Fact]
    public async Task Progress_needs_a_plan_that_finished_publicity()
    {
        var (_, project) = await _world.LibraryProject();
        var before = await RowCounts.Settled(api);
        await (await Progress(project.Id, new { percent = 10 })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "plan_not_publicised");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task Progress_outside_0_to_100_is_refused(int percent)
    {
        var project = await ProjectReadyForWorks();
        var before = await RowCounts.Settled(api);
        await (await Progress(project.Id, new { percent })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Progress_cannot_go_backwards()
    {
        var project = await ProjectReadyForWorks();
        await (await Progress(project.Id, new { percent = 60 })).ShouldBe<ProgressView>(HttpStatusCode.Created);
        await (await Progress(project.Id, new { percent = 60, notes = "同一进度的补充说明" })).ShouldBe<ProgressView>(HttpStatusCode.Created);
        var before = await RowCounts.Settled(api);
        await (await Progress(project.Id, new { percent = 50 })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "progress_backwards");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_progress_photo_must_be_an_image_of_the_project()
    {
        var project = await ProjectReadyForWorks();
        var pdf = await Uploads.Upload(await _world.Office(), project.Id, Uploads.Pdf, "a.pdf");
        var before = await RowCounts.Settled(api);
        await (await Progress(project.Id, new { percent = 10, photoFileIds = new[] { pdf.Id } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "photo_not_found");
        await (await Progress(project.Id, new { percent = 10, photoFileIds = new[] { Guid.NewGuid() } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "photo_not_found");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [InlineData("street-officer", HttpStatusCode.Forbidden)]
    [InlineData("committee-b", HttpStatusCode.NotFound)]
    public async Task Only_the_renovation_office_records_progress(string user, HttpStatusCode status)
    {
        var project = await ProjectReadyForWorks();
        var before = await RowCounts.Settled(api);
        await (await (await api.ClientFor(user)).PostJson($"/api/v1/projects/{project.Id}/progress", new { percent = 10 }))
            .ShouldBeProblem(status);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Completion_acceptance_needs_full_progress_and_resident_representatives()
    {
        var project = await ProjectReadyForWorks();
        var office = await _world.Office();
        await (await Progress(project.Id, new { percent = 90 })).ShouldBe<ProgressView>(HttpStatusCode.Created);
        var before = await RowCounts.Settled(api);
        await (await office.PostJson($"/api/v1/projects/{project.Id}/acceptance", new { representatives = new[] { "王伟" } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "progress_incomplete");
        Assert.Equal(before, await RowCounts.Of(api));

        await (await Progress(project.Id, new { percent = 100 })).ShouldBe<ProgressView>(HttpStatusCode.Created);
        before = await RowCounts.Settled(api);
        await (await office.PostJson($"/api/v1/projects/{project.Id}/acceptance", new { representatives = Array.Empty<string>() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await RowCounts.Of(api));

        var accepted = await (await office.PostJson($"/api/v1/projects/{project.Id}/acceptance", new { representatives = new[] { "王伟", "李娜" }, notes = "合格" }))
            .ShouldBe<ProjectView>(HttpStatusCode.OK);
        Assert.Equal((ProjectState.Completed, "合格"), (accepted.State, accepted.AcceptanceNotes));
        await (await Progress(project.Id, new { percent = 100 })).ShouldBeProblem(HttpStatusCode.Conflict, "project_not_scheduled");
    }
}
