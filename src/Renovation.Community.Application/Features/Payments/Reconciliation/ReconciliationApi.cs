using Renovation.Community.Application.Common.Authorization;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Common.Text;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;
using Renovation.Community.WeChat.Pay.TradeBills;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

public sealed record DiscrepancyView(Guid Id, DateOnly BillDate, DiscrepancyKind Kind, string Reference, string OutTradeNo, long? BillLine,
    string? BillState, long? BillAmountFen, string? OurState, long? OurAmountFen, Guid? PaymentId, Guid? CommunityId, MoneyOwner? Owner,
    string? Purpose, bool Healed, DateTimeOffset? HealedAt, DiscrepancyState State, string? Note, Guid? NotedBy, DateTimeOffset? NotedAt);

public sealed record ReportLineView(DateOnly BillDate, Guid CommunityId, MoneyOwner Owner, string Purpose, long PaidCount, long PaidFen,
    long RefundCount, long RefundFen, long FeeMilliFen, int DiscrepancyCount);

public sealed record DayView(DateOnly BillDate, bool Reconciled, long BillRows, long SettlementTotalFen, long RefundTotalFen, long FeeTotalMilliFen,
    DateTimeOffset? ReconciledAt, IReadOnlyList<ReportLineView> Lines, IReadOnlyDictionary<DiscrepancyState, int> Discrepancies);

/// <summary>A finance officer's word on a discrepancy.</summary>
public sealed record DiscrepancyNote(string Note) : IValidatable
{
    public void Validate(Validator v) => v.Text(Note, "note", "说明", ReconciliationDiscrepancy.MaxNote);
}

public static class ReconciliationApi
{
    public static RouteGroupBuilder MapReconciliationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reconciliation").WithTags("Reconciliation");
        group.MapPost("/days/{date}/run", RunAsync).WithName("RunReconciliation")
            .WithSummary("Reconcile a bill day of the last 3 months now (finance officers, city admins); running a day twice changes nothing")
            .WithDescription("Downloads the WeChat Pay bill of the day and compares it with the payments and refunds recorded here, healing payments that WeChat took but we missed and listing discrepancies. Idempotent.");
        group.MapGet("/days/{date}", DayAsync).WithName("ReconciliationDay")
            .WithSummary("The day's bill totals, report lines of every community and discrepancy counts (finance officers)")
            .WithDescription("The reconciliation of one bill day: bill totals, each community's report line and discrepancy counts.");
        group.MapGet("/discrepancies", ListAsync).WithName("ListDiscrepancies")
            .WithSummary("Discrepancies of a day, optionally in one state (finance officers)")
            .WithDescription("Discrepancies between the WeChat bill and our records for one day, optionally filtered by state. Paged.");
        group.MapPost("/discrepancies/{id:guid}/explain", (Guid id, DiscrepancyNote body, Access access, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            SettleAsync(id, DiscrepancyState.Explained, body, access, db, clock, ct)).WithName("ExplainDiscrepancy").RetryWhenRaceLost()
            .WithSummary("Say why a discrepancy is not a loss (finance officers)")
            .WithDescription("Marks an open discrepancy as explained (not a loss) with a note; it can still be resolved later.");
        group.MapPost("/discrepancies/{id:guid}/resolve", (Guid id, DiscrepancyNote body, Access access, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            SettleAsync(id, DiscrepancyState.Resolved, body, access, db, clock, ct)).WithName("ResolveDiscrepancy").RetryWhenRaceLost()
            .WithSummary("Record how a discrepancy was settled; final (finance officers)")
            .WithDescription("Marks a discrepancy as resolved with a note saying how it was settled. Final.");

        var community = api.MapGroup("/communities/{communityId:guid}/reconciliation").WithTags("Reconciliation");
        community.MapGet("/reports", CommunityReportsAsync).WithName("CommunityReconciliationReports")
            .WithSummary("Daily reports of the community's money the caller accounts for (committee: owners' money; property company: services; street and city: both)")
            .WithDescription("Daily reconciliation reports of the money of one community that the caller accounts for.");
        community.MapGet("/reports/download", DownloadCommunityReportsAsync).WithName("DownloadCommunityReconciliationReports")
            .WithSummary("Download the same daily reports as CSV or .xlsx")
            .WithDescription("`?format=csv` (default, UTF-8 with BOM) or `?format=xlsx`, with the same `from`/`to` and readers as the reports. " +
                "One row per day, money owner and purpose: payments and refunds (count and yuan), WeChat's fee and the day's discrepancies. " +
                "Text cells that a spreadsheet would run as a formula are prefixed with an apostrophe; .xlsx cells are never formulas.")
            .Produces<byte[]>(200, Spreadsheet.CsvMediaType, Spreadsheet.XlsxMediaType);
        community.MapGet("/discrepancies", CommunityDiscrepanciesAsync).WithName("CommunityDiscrepancies")
            .WithSummary("The community's discrepancies of a day, for the same readers as the reports")
            .WithDescription("Discrepancies of one community on a day, for the readers of its reports.");
        return api;
    }

    private static async Task<Ok<ReconcileOutcome>> RunAsync(string date, Access access, DailyReconciliation reconciliation, CancellationToken ct)
    {
        await ReconciliationAccess.RequireRerunAsync(access, ct);
        var billDate = ParseDate(date);
        try
        {
            return TypedResults.Ok(await reconciliation.RunAsync(billDate, ct));
        }
        catch (TradeBillHashMismatchException)
        {
            throw new AppProblem(StatusCodes.Status502BadGateway, "bill_hash_mismatch", "下载的对账单与微信支付公布的 SHA1 不符，已拒绝使用，请稍后重试");
        }
    }

    private static async Task<Ok<DayView>> DayAsync(string date, Access access, AppDbContext db, CancellationToken ct)
    {
        await ReconciliationAccess.RequireFinanceAsync(access, ct);
        var billDate = ParseDate(date);
        var day = await db.ReconciliationDays.AsNoTracking().SingleOrDefaultAsync(d => d.BillDate == billDate, ct);
        var lines = await Lines(db.ReconciliationReportLines.Where(l => l.BillDate == billDate)
            .OrderBy(l => l.CommunityId).ThenBy(l => l.Owner).ThenBy(l => l.Purpose)).ToListAsync(ct);
        var states = await db.ReconciliationDiscrepancies.AsNoTracking().Where(d => d.BillDate == billDate)
            .GroupBy(d => d.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return TypedResults.Ok(new DayView(billDate, day is not null, day?.BillRows ?? 0, day?.SettlementTotalFen ?? 0, day?.RefundTotalFen ?? 0,
            day?.FeeTotalMilliFen ?? 0, day?.ReconciledAt, lines, states));
    }

    private static async Task<Ok<List<DiscrepancyView>>> ListAsync(string date, DiscrepancyState? state, Access access, AppDbContext db, CancellationToken ct)
    {
        await ReconciliationAccess.RequireFinanceAsync(access, ct);
        var billDate = ParseDate(date);
        var query = db.ReconciliationDiscrepancies.AsNoTracking().Where(d => d.BillDate == billDate);
        if (state is not null)
            query = query.Where(d => d.State == state);
        return TypedResults.Ok(await Views(query).ToListAsync(ct));
    }

    private static async Task<Ok<DiscrepancyView>> SettleAsync(Guid id, DiscrepancyState state, DiscrepancyNote body, Access access, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        await ReconciliationAccess.RequireFinanceAsync(access, ct);
        var discrepancy = await db.ReconciliationDiscrepancies.SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw AppProblem.NotFound("discrepancy_not_found", "差错记录不存在");
        discrepancy.Settle(state, body.Note, access.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Views(db.ReconciliationDiscrepancies.AsNoTracking().Where(d => d.Id == id)).SingleAsync(ct));
    }

    private static async Task<Ok<List<ReportLineView>>> CommunityReportsAsync(Guid communityId, string? from, string? to, Access access,
        AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await CommunityLinesAsync(communityId, from, to, access, db, clock, ct));

    private static async Task<IResult> DownloadCommunityReportsAsync(Guid communityId, string? from, string? to, string? format,
        Access access, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        DownloadFormats.Parse(format);
        var lines = await CommunityLinesAsync(communityId, from, to, access, db, clock, ct);
        var sheet = new Spreadsheet(["日期", "资金归属", "用途", "收款笔数", "收款金额（元）", "退款笔数", "退款金额（元）", "手续费（元）", "差错数"]);
        foreach (var l in lines)
            sheet.Add(l.BillDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l.Owner == MoneyOwner.Owners ? "业主共有资金" : "物业服务收入",
                l.Purpose, l.PaidCount, l.PaidFen / 100m, l.RefundCount, l.RefundFen / 100m, l.FeeMilliFen / 100_000m, (long)l.DiscrepancyCount);
        return sheet.ToResult(format, $"payment-reports-{communityId:N}", "收款日报");
    }

    private static async Task<List<ReportLineView>> CommunityLinesAsync(Guid communityId, string? from, string? to, Access access,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var owners = await ReconciliationAccess.VisibleOwnersAsync(access, communityId, ct);
        var last = to is null ? DateOnly.FromDateTime(clock.GetUtcNow().ToChina().DateTime) : ParseDate(to);
        var first = from is null ? last.AddDays(-30) : ParseDate(from);
        return await Lines(db.ReconciliationReportLines
            .Where(l => l.CommunityId == communityId && owners.Contains(l.Owner) && l.BillDate >= first && l.BillDate <= last)
            .OrderByDescending(l => l.BillDate).ThenBy(l => l.Owner).ThenBy(l => l.Purpose)).ToListAsync(ct);
    }

    private static async Task<Ok<List<DiscrepancyView>>> CommunityDiscrepanciesAsync(Guid communityId, string date, Access access,
        AppDbContext db, CancellationToken ct)
    {
        var owners = await ReconciliationAccess.VisibleOwnersAsync(access, communityId, ct);
        var billDate = ParseDate(date);
        return TypedResults.Ok(await Views(db.ReconciliationDiscrepancies.AsNoTracking()
            .Where(d => d.BillDate == billDate && d.CommunityId == communityId && d.Owner != null && owners.Contains(d.Owner.Value))).ToListAsync(ct));
    }

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw AppProblem.BadRequest("reconciliation_date_invalid", "日期格式应为 yyyy-MM-dd");

    private static IQueryable<ReportLineView> Lines(IQueryable<ReconciliationReportLine> lines) => lines.AsNoTracking()
        .Select(l => new ReportLineView(l.BillDate, l.CommunityId, l.Owner, l.Purpose, l.PaidCount, l.PaidFen, l.RefundCount, l.RefundFen,
            l.FeeMilliFen, l.DiscrepancyCount));

    private static IQueryable<DiscrepancyView> Views(IQueryable<ReconciliationDiscrepancy> query) => query
        .OrderBy(d => d.Kind).ThenBy(d => d.Reference)
        .Select(d => new DiscrepancyView(d.Id, d.BillDate, d.Kind, d.Reference, d.OutTradeNo, d.BillLine, d.BillState, d.BillAmountFen, d.OurState,
            d.OurAmountFen, d.PaymentId, d.CommunityId, d.Owner, d.Purpose, d.Healed, d.HealedAt, d.State, d.Note, d.NotedBy, d.NotedAt));
}
