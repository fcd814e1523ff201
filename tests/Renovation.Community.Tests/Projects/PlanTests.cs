using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

/// <summary>Plans (一小区一方案): cost estimate in fen, fund-raising, attachments, versions and what changed.</summary>
public sealed class PlanTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly RenovationWorld _world = new(api);

    [Fact]
    public async Task A_plan_totals_its_cost_items_on_the_server()
    {
        var (_, project) = await _world.LibraryProject();
        var officer = await _world.Officer();
        // A total sent by the client is ignored: the server adds up the lines.
        var plan = await (await officer.PostJson($"/api/v1/projects/{project.Id}/plans", new
        {
            title = "方案",
            design = "设计",
            afterCare = "管理",
            totalFen = 1,
            costItems = new[] { new { name = "屋面防水", amountFen = 12_345_678L }, new { name = "外墙", amountFen = 1L } },
            funding = new { governmentFen = 12_345_679L, utilitiesFen = 0L, residentsFen = 0L, maintenanceFundFen = 0L },
        })).ShouldBe<PlanView>(HttpStatusCode.Created);
        Assert.Equal(12_345_679, plan.TotalFen);
        Assert.Equal((1, PlanState.Draft), (plan.Number, plan.State));
        Assert.Equal(["屋面防水", "外墙"], plan.CostItems.Select(i => i.Name));
    }

    [Fact]
    public async Task Fund_raising_must_sum_to_the_total()
    {
        var (_, project) = await _world.LibraryProject();
        var before = await RowCounts.Settled(api);
        var problem = await (await (await _world.Officer()).PostJson($"/api/v1/projects/{project.Id}/plans", new
        {
            title = "方案",
            design = "设计",
            afterCare = "管理",
            costItems = new[] { new { name = "道路", amountFen = 10_000L } },
            funding = new { governmentFen = 5_000L, utilitiesFen = 2_000L, residentsFen = 2_000L, maintenanceFundFen = 999L },
        })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "funding_does_not_match_total");
        Assert.Equal(10_000, problem.GetProperty("totalFen").GetInt64());
        Assert.Equal(9_999, problem.GetProperty("fundingTotalFen").GetInt64());
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [InlineData("{\"title\":\"方案\",\"design\":\"设计\",\"afterCare\":\"管理\",\"costItems\":[{\"name\":\"道路\",\"amountFen\":0}],\"funding\":{\"governmentFen\":0,\"utilitiesFen\":0,\"residentsFen\":0,\"maintenanceFundFen\":0}}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"title\":\"方案\",\"design\":\"设计\",\"afterCare\":\"管理\",\"costItems\":[{\"name\":\"道路\",\"amountFen\":1.5}],\"funding\":{\"governmentFen\":1,\"utilitiesFen\":0,\"residentsFen\":0,\"maintenanceFundFen\":0}}", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("{\"title\":\"方案\",\"design\":\"设计\",\"afterCare\":\"管理\",\"costItems\":[{\"name\":\"道路\",\"amountFen\":5},{\"name\":\"道路\",\"amountFen\":5}],\"funding\":{\"governmentFen\":10,\"utilitiesFen\":0,\"residentsFen\":0,\"maintenanceFundFen\":0}}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"title\":\"方案\",\"design\":\"设计\",\"afterCare\":\"管理\",\"costItems\":[{\"name\":\"道路\",\"amountFen\":5}],\"funding\":{\"governmentFen\":10,\"utilitiesFen\":-5,\"residentsFen\":0,\"maintenanceFundFen\":0}}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"title\":\"方案\",\"design\":\"设计\",\"afterCare\":\"管理\",\"costItems\":[],\"funding\":{\"governmentFen\":0,\"utilitiesFen\":0,\"residentsFen\":0,\"maintenanceFundFen\":0}}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"title\":\"方案\",\"design\":\"\",\"afterCare\":\"管理\",\"costItems\":[{\"name\":\"道路\",\"amountFen\":5}]}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("{\"title\":\"方案\",\"design\":\"设计\",\"afterCare\":\"管理\",\"costItems\":[{\"name\":\"道路\",\"amountFen\":5}],\"funding\":{\"governmentFen\":5,\"utilitiesFen\":0,\"residentsFen\":0,\"maintenanceFundFen\":0},\"attachments\":[{\"fileId\":\"{random}\",\"title\":\"图纸\"}]}", HttpStatusCode.UnprocessableEntity, "attachment_not_found")]
    public async Task A_plan_with_bad_money_or_content_is_refused_and_writes_nothing(string body, HttpStatusCode status, string code)
    {
        var (_, project) = await _world.LibraryProject();
        var before = await RowCounts.Settled(api);
        var response = await (await _world.Officer()).PostAsync($"/api/v1/projects/{project.Id}/plans",
            new StringContent(body.Replace("{random}", Guid.NewGuid().ToString()), System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeProblem(status, code);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_plan_needs_a_project_in_the_library()
    {
        var community = await _world.NewCommunity(units: 1);
        var project = await _world.OpenProject(community.Id);
        var before = await RowCounts.Settled(api);
        await (await (await _world.Officer()).PostJson($"/api/v1/projects/{project.Id}/plans", RenovationWorld.PlanBody()))
            .ShouldBeProblem(HttpStatusCode.Conflict, "project_not_in_library");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [InlineData("city-admin", HttpStatusCode.Forbidden)]
    [InlineData("resident", HttpStatusCode.Forbidden)]
    [InlineData("committee-b", HttpStatusCode.NotFound)]
    public async Task Only_the_street_officer_drafts_plans(string user, HttpStatusCode expected)
    {
        var (community, project) = await _world.LibraryProject();
        var client = user == "resident" ? community.Residents[0].Client : await api.ClientFor(user);
        var before = await RowCounts.Settled(api);
        await (await client.PostJson($"/api/v1/projects/{project.Id}/plans", RenovationWorld.PlanBody())).ShouldBeProblem(expected);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_project_has_one_plan_and_further_changes_are_versions()
    {
        var (_, project) = await _world.LibraryProject();
        await _world.DraftPlan(project.Id);
        await (await (await _world.Officer()).PostJson($"/api/v1/projects/{project.Id}/plans", RenovationWorld.PlanBody()))
            .ShouldBeProblem(HttpStatusCode.Conflict, "plan_exists");
    }

    [Fact]
    public async Task A_draft_is_edited_in_place_and_a_stale_edit_is_409()
    {
        var (_, project) = await _world.LibraryProject();
        var plan = await _world.DraftPlan(project.Id);
        var officer = await _world.Officer();
        var edited = await (await officer.PutJson($"/api/v1/plans/{plan.Id}", RenovationWorld.PlanBody(roadsFen: 50_000_000, expectedVersion: plan.Version)))
            .ShouldBe<PlanView>(HttpStatusCode.OK);
        Assert.Equal((1, 130_000_000L), (edited.Number, edited.TotalFen));
        Assert.Equal(plan.Version + 1, edited.Version);
        Assert.Equal(2, await api.WithDb(db => db.PlanCostItems.CountAsync(i => i.PlanId == plan.Id)));

        var before = await RowCounts.Settled(api);
        await (await officer.PutJson($"/api/v1/plans/{plan.Id}", RenovationWorld.PlanBody(roadsFen: 1, expectedVersion: plan.Version)))
            .ShouldBeProblem(HttpStatusCode.Conflict, "stale_version");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_submitted_plan_is_frozen_and_a_change_makes_a_new_version()
    {
        var (_, project) = await _world.LibraryProject();
        var v1 = await _world.DraftPlan(project.Id);
        await _world.Submit(v1.Id);
        var officer = await _world.Officer();
        var before = await RowCounts.Settled(api);
        await (await officer.PutJson($"/api/v1/plans/{v1.Id}", RenovationWorld.PlanBody("改")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "plan_not_editable");
        Assert.Equal(before, await RowCounts.Of(api));

        var v2 = await (await officer.PostJson($"/api/v1/plans/{v1.Id}/revisions", RenovationWorld.PlanBody("新增加装电梯")))
            .ShouldBe<PlanView>(HttpStatusCode.Created);
        Assert.Equal((2, PlanState.Draft, v1.Id), (v2.Number, v2.State, v2.PreviousVersionId));
        Assert.Equal(PlanState.Superseded, (await _world.GetPlan(v1.Id)).State);
        Assert.Empty(v2.Reviews);
        // A superseded version cannot be revised again: only the newest version moves on.
        await (await officer.PostJson($"/api/v1/plans/{v1.Id}/revisions", RenovationWorld.PlanBody()))
            .ShouldBeProblem(HttpStatusCode.Conflict, "plan_not_revisable");
        var versions = await (await officer.GetAsync($"/api/v1/projects/{project.Id}/plans")).ShouldBe<List<PlanSummary>>(HttpStatusCode.OK);
        Assert.Equal([2, 1], versions.Select(v => v.Number));
    }

    [Fact]
    public async Task Residents_see_what_changed_between_versions()
    {
        var (community, project) = await _world.LibraryProject();
        var v1 = await _world.DraftPlan(project.Id);
        await _world.Submit(v1.Id);
        var officer = await _world.Officer();
        var v2 = await (await officer.PostJson($"/api/v1/plans/{v1.Id}/revisions",
                RenovationWorld.PlanBody("更换雨污分流管网，修复道路，增设路灯和充电桩", sewageFen: 90_000_000)))
            .ShouldBe<PlanView>(HttpStatusCode.Created);
        await _world.Submit(v2.Id);

        var changes = await (await community.Residents[0].Client.GetAsync($"/api/v1/plans/{v2.Id}/changes"))
            .ShouldBe<PlanChangesView>(HttpStatusCode.OK);
        Assert.Equal((1, 2), (changes.FromNumber, changes.ToNumber));
        var byField = changes.Changes.ToDictionary(c => c.Field);
        Assert.Equal("更换雨污分流管网，修复道路，增设路灯和充电桩", byField["design"].After);
        Assert.Equal(("80000000", "90000000"), (byField["costItems[雨污分流].amountFen"].Before, byField["costItems[雨污分流].amountFen"].After));
        Assert.Equal(("120000000", "130000000"), (byField["totalFen"].Before, byField["totalFen"].After));
        Assert.Contains("funding.governmentFen", byField.Keys);
        Assert.DoesNotContain("title", byField.Keys);
        Assert.DoesNotContain("costItems[道路修复].amountFen", byField.Keys);

        await (await community.Residents[0].Client.GetAsync($"/api/v1/plans/{v1.Id}/changes"))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "no_previous_version");
    }

    [Fact]
    public async Task Residents_do_not_see_draft_plans()
    {
        var (community, project) = await _world.LibraryProject();
        var plan = await _world.DraftPlan(project.Id);
        var resident = community.Residents[0].Client;
        await (await resident.GetAsync($"/api/v1/plans/{plan.Id}")).ShouldBeProblem(HttpStatusCode.NotFound, "plan_not_found");
        Assert.Empty(await (await resident.GetAsync($"/api/v1/projects/{project.Id}/plans")).ShouldBe<List<PlanSummary>>(HttpStatusCode.OK));
        await _world.Submit(plan.Id);
        Assert.Equal(PlanState.Submitted, (await (await resident.GetAsync($"/api/v1/plans/{plan.Id}")).ShouldBe<PlanView>(HttpStatusCode.OK)).State);
    }

    [Fact]
    public async Task Attachments_are_typed_by_their_content_not_their_name()
    {
        var (community, project) = await _world.LibraryProject();
        var officer = await _world.Officer();
        var before = await RowCounts.Settled(api);
        var storedBefore = StoredFileCount();
        await (await Uploads.Send(officer, project.Id, Uploads.Exe, "设计方案.pdf", "application/pdf"))
            .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "attachment_type_not_allowed");
        Assert.Equal(before, await RowCounts.Of(api));
        Assert.Equal(storedBefore, StoredFileCount());

        var image = await Uploads.Upload(officer, project.Id, Uploads.Png, "现场照片.pdf");
        Assert.Equal(("image/png", FileKind.Image, "现场照片.png"), (image.ContentType, image.Kind, image.FileName));
        var pdf = await Uploads.Upload(officer, project.Id, Uploads.Pdf, "drawings.png");
        Assert.Equal(("application/pdf", "drawings.pdf"), (pdf.ContentType, pdf.FileName));

        var plan = await _world.DraftPlan(project.Id, RenovationWorld.PlanBody(attachments: [new { fileId = pdf.Id, title = "设计图纸" }, new { fileId = image.Id, title = "现状照片" }]));
        Assert.Equal(["设计图纸", "现状照片"], plan.Attachments.Select(a => a.Title));
        Assert.Equal("application/pdf", plan.Attachments[0].ContentType);

        // Residents download what is attached once the plan left the drafting table.
        await _world.Submit(plan.Id);
        var download = await community.Residents[0].Client.GetAsync(plan.Attachments[0].Url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Uploads.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private int StoredFileCount() =>
        Directory.Exists(api.FilesRoot) ? Directory.EnumerateFiles(api.FilesRoot, "*", SearchOption.AllDirectories).Count() : 0;

    [Fact]
    public async Task Files_are_uploaded_by_renovation_staff_and_read_only_within_the_community()
    {
        var (community, project) = await _world.LibraryProject();
        var before = await RowCounts.Settled(api);
        await (await Uploads.Send(community.Residents[0].Client, project.Id, Uploads.Pdf, "a.pdf")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Uploads.Send(await _world.Officer(), project.Id, [], "empty.pdf")).ShouldBeProblem(HttpStatusCode.BadRequest, "file_empty");
        var noFile = await (await _world.Officer()).PostAsync($"/api/v1/projects/{project.Id}/files", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        await noFile.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Equal(before, await RowCounts.Of(api));

        var file = await Uploads.Upload(await _world.Office(), project.Id, Uploads.Pdf, "a.pdf");
        await (await (await api.ClientFor("resident-b")).GetAsync(file.Url)).ShouldBeProblem(HttpStatusCode.NotFound, "file_not_found");
    }

    [Fact]
    public async Task An_attachment_must_be_a_file_of_the_same_project()
    {
        var (_, first) = await _world.LibraryProject();
        var (_, second) = await _world.LibraryProject();
        var file = await Uploads.Upload(await _world.Officer(), first.Id, Uploads.Pdf, "a.pdf");
        var before = await RowCounts.Settled(api);
        await (await (await _world.Officer()).PostJson($"/api/v1/projects/{second.Id}/plans",
                RenovationWorld.PlanBody(attachments: [new { fileId = file.Id, title = "别的项目的图纸" }])))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "attachment_not_found");
        Assert.Equal(before, await RowCounts.Of(api));
    }
}
