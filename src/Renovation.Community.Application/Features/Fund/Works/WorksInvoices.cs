using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Fund;

public sealed record WorksInvoiceView(Guid Id, Guid PlanId, string FileName, string ContentType, long SizeBytes, long? AmountFen,
    string? Note, Guid UploadedBy, string UploadedByName, DateTimeOffset UploadedAt);

/// <summary>
/// The invoices behind a works plan's actual cost. The committee (who charges the cost) uploads them through the shared
/// upload checks; everyone who may see the community reads them, its residents included, because the fund's spending
/// is disclosed to the owners. Nothing stays on disk unless the upload succeeds: the plan and the form are checked
/// before any byte is stored, and a request refused after storing has its file removed by
/// <see cref="DiscardUploadsOfFailedRequests"/>, as no row refers to it.
/// </summary>
public static class WorksInvoices
{
    public const long MaxInvoiceBytes = 20 * 1024 * 1024;

    public static async Task<Created<WorksInvoiceView>> UploadAsync(Guid planId, IFormFile file, [FromForm] long? amountFen,
        [FromForm] string? note, Access access, AppDbContext db, IFileStore store, TimeProvider clock, CancellationToken ct)
    {
        var plan = await db.FundWorksPlans.SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw PlanNotFound();
        await access.RequireAsync(plan.CommunityId, Permission.RunFund, ct, PlanNotFound);
        // An invoice documents money spent under an approval; a draft has nothing to invoice yet.
        if (plan.State == WorksPlanState.Drafted)
            throw new DomainRuleViolation("works_invoice_plan_not_approved", "方案尚未批准，不能上传发票");
        if (amountFen is < 1 or > 100_000_000_000)
            throw AppProblem.BadRequest("works_invoice_amount_invalid", "发票金额应大于 0");
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > WorksInvoice.MaxNote })
            throw AppProblem.BadRequest("works_invoice_note_too_long", $"备注不能超过 {WorksInvoice.MaxNote} 个字");
        var upload = await Uploads.CheckAndStoreAsync(file, MaxInvoiceBytes, store, ct);
        var invoice = new WorksInvoice(plan, upload, amountFen, note, access.UserId, clock.GetUtcNow());
        db.FundWorksInvoices.Add(invoice);
        await db.SaveChangesAsync(ct);
        var view = (await ViewsAsync(db, i => i.Id == invoice.Id, ct)).Single();
        return TypedResults.Created($"/api/v1/fund/works-plans/{planId}/invoices/{invoice.Id}/file", view);
    }

    public static async Task<Ok<List<WorksInvoiceView>>> ListAsync(Guid planId, Access access, AppDbContext db, CancellationToken ct)
    {
        await RequireReaderAsync(planId, access, db, ct);
        return TypedResults.Ok(await ViewsAsync(db, i => i.PlanId == planId, ct));
    }

    public static async Task<FileStreamHttpResult> DownloadAsync(Guid planId, Guid invoiceId, Access access, AppDbContext db,
        IFileStore store, HttpResponse response, CancellationToken ct)
    {
        await RequireReaderAsync(planId, access, db, ct);
        var invoice = await db.FundWorksInvoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invoiceId && i.PlanId == planId, ct)
            ?? throw InvoiceNotFound();
        var content = await store.OpenReadAsync(invoice.StorageKey, ct) ?? throw InvoiceNotFound();
        // The type came from the bytes; stop browsers from second-guessing it.
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(content, invoice.ContentType, invoice.FileName);
    }

    /// <summary>Everyone who may see the plan's community; callers of other communities get 404 like for a missing plan.</summary>
    private static async Task RequireReaderAsync(Guid planId, Access access, AppDbContext db, CancellationToken ct)
    {
        var communityId = await db.FundWorksPlans.Where(p => p.Id == planId).Select(p => (Guid?)p.CommunityId).SingleOrDefaultAsync(ct)
            ?? throw PlanNotFound();
        await access.RequireAnyAsync(communityId, PlanNotFound, ct);
    }

    private static Task<List<WorksInvoiceView>> ViewsAsync(AppDbContext db, System.Linq.Expressions.Expression<Func<WorksInvoice, bool>> which,
        CancellationToken ct) =>
        (from i in db.FundWorksInvoices.AsNoTracking().Where(which)
         join u in db.Users on i.UploadedBy equals u.Id into users
         from u in users.DefaultIfEmpty()
         orderby i.UploadedAt, i.Id
         select new WorksInvoiceView(i.Id, i.PlanId, i.FileName, i.ContentType, i.SizeBytes, i.AmountFen, i.Note, i.UploadedBy,
             u == null ? "" : u.DisplayName, i.UploadedAt)).ToListAsync(ct);

    private static AppProblem PlanNotFound() => AppProblem.NotFound("works_plan_not_found", "维修方案不存在");

    private static AppProblem InvoiceNotFound() => AppProblem.NotFound("works_invoice_not_found", "发票不存在");
}
