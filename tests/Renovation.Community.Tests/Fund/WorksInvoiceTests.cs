using System.Net;
using System.Net.Http.Headers;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Projects;

namespace Renovation.Community.Tests.Fund;

/// <summary>Invoices behind a works plan's actual cost: uploaded by the committee, disclosed to the community.</summary>
public sealed class WorksInvoiceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<WorksPlanView> Plan(Guid communityId, bool approve = true)
    {
        var committee = await api.ClientFor("chair-a");
        var plan = await (await committee.PostJson($"/api/v1/communities/{communityId}/fund/works-plans", new
        {
            title = "电梯维修", category = "Lift", items = "更换曳引机", budgetFen = 500_000, scope = "Community", bearerIds = Array.Empty<Guid>(),
        })).ShouldBe<WorksPlanView>(HttpStatusCode.Created);
        if (approve)
            await (await committee.PostJson($"/api/v1/fund/works-plans/{plan.Id}/approve", new { emergency = true })).ShouldBe<WorksPlanView>(HttpStatusCode.OK);
        return plan;
    }

    private async Task<HttpResponseMessage> Upload(string user, Guid planId, byte[] content, string fileName, long? amountFen = null,
        string? note = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (amountFen is { } amount)
            form.Add(new StringContent(amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), "amountFen");
        if (note is not null)
            form.Add(new StringContent(note), "note");
        return await (await api.ClientFor(user)).PostAsync($"/api/v1/fund/works-plans/{planId}/invoices", form);
    }

    private int FilesOnDisk() => Directory.Exists(api.FilesRoot)
        ? Directory.EnumerateFiles(api.FilesRoot, "*", SearchOption.AllDirectories).Count()
        : 0;

    [Fact]
    public async Task The_committee_uploads_invoices_and_residents_of_the_community_list_and_download_them()
    {
        var demo = await Demo.Of(api);
        var plan = await Plan(demo.CommunityA);
        var pdf = await (await Upload("chair-a", plan.Id, Uploads.Pdf, "发票.exe", 123_456, "曳引机发票"))
            .ShouldBe<WorksInvoiceView>(HttpStatusCode.Created);
        Assert.Equal("发票.pdf", pdf.FileName); // the extension tells the truth about the bytes
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal(Uploads.Pdf.Length, pdf.SizeBytes);
        Assert.Equal(123_456, pdf.AmountFen);
        Assert.Equal("曳引机发票", pdf.Note);
        await (await Upload("committee-a", plan.Id, Uploads.Png, "收据.png")).ShouldBe<WorksInvoiceView>(HttpStatusCode.Created);

        var list = await (await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/fund/works-plans/{plan.Id}/invoices"))
            .ShouldBe<List<WorksInvoiceView>>(HttpStatusCode.OK);
        Assert.Equal(["发票.pdf", "收据.png"], list.Select(i => i.FileName));
        Assert.All(list, i => Assert.NotEqual("", i.UploadedByName));
        Assert.NotEqual(list[0].UploadedBy, list[1].UploadedBy);

        var download = await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/fund/works-plans/{plan.Id}/invoices/{pdf.Id}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Uploads.Pdf, await download.Content.ReadAsByteArrayAsync());
        // An invoice is found only under its own plan.
        var other = await Plan(demo.CommunityA);
        await (await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/fund/works-plans/{other.Id}/invoices/{pdf.Id}/file"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "works_invoice_not_found");
    }

    [Fact]
    public async Task Another_communitys_callers_get_404_for_the_plan_its_invoices_and_their_files()
    {
        var demo = await Demo.Of(api);
        var plan = await Plan(demo.CommunityA);
        var invoice = await (await Upload("chair-a", plan.Id, Uploads.Png, "收据.png")).ShouldBe<WorksInvoiceView>(HttpStatusCode.Created);
        foreach (var outsider in new[] { "committee-b", "resident-b", "property-b" })
        {
            var client = await api.ClientFor(outsider);
            await (await client.GetAsync($"/api/v1/fund/works-plans/{plan.Id}/invoices")).ShouldBeProblem(HttpStatusCode.NotFound, "works_plan_not_found");
            await (await client.GetAsync($"/api/v1/fund/works-plans/{plan.Id}/invoices/{invoice.Id}/file"))
                .ShouldBeProblem(HttpStatusCode.NotFound, "works_plan_not_found");
        }
        await (await Upload("committee-b", plan.Id, Uploads.Png, "越权.png")).ShouldBeProblem(HttpStatusCode.NotFound, "works_plan_not_found");
    }

    [Fact]
    public async Task A_refused_invoice_upload_leaves_no_file_and_no_row()
    {
        var demo = await Demo.Of(api);
        var plan = await Plan(demo.CommunityA);
        var draft = await Plan(demo.CommunityA, approve: false);
        var files = FilesOnDisk();
        var rows = await RowCounts.Of(api);

        await (await Upload("chair-a", plan.Id, Uploads.Exe, "发票.pdf")).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "attachment_type_not_allowed");
        await (await Upload("chair-a", plan.Id, new byte[WorksInvoices.MaxInvoiceBytes + 1], "大.pdf"))
            .ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "attachment_too_large");
        await (await Upload("chair-a", plan.Id, Uploads.Pdf, "发票.pdf", amountFen: 0)).ShouldBeProblem(HttpStatusCode.BadRequest, "works_invoice_amount_invalid");
        await (await Upload("chair-a", draft.Id, Uploads.Pdf, "发票.pdf")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "works_invoice_plan_not_approved");
        // Residents and the property company read the invoices but do not record them.
        foreach (var reader in new[] { "resident-a", "property-a" })
            await (await Upload(reader, plan.Id, Uploads.Pdf, "发票.pdf")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Upload("chair-a", Guid.NewGuid(), Uploads.Pdf, "发票.pdf")).ShouldBeProblem(HttpStatusCode.NotFound, "works_plan_not_found");

        Assert.Equal(files, FilesOnDisk());
        Assert.Equal(rows, await RowCounts.Of(api));
    }
}
