using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Text;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Fund;

/// <param name="HouseholdId">Empty on statements published before lines named their household.</param>
/// <param name="InterestFen">Of incomeFen, the interest; with commonIncomeFen null on statements published before income was split.</param>
/// <param name="CommonIncomeFen">Of incomeFen, the common-part income.</param>
public sealed record StatementHousehold(string Building, string Unit, long OpeningFen, long InFen, long IncomeFen, long OutFen, long ClosingFen,
    Guid HouseholdId = default, long? InterestFen = null, long? CommonIncomeFen = null);

public sealed record StatementWorks(string Title, bool Emergency, Guid? VoteId, long ActualCostFen, long CoveredFen, DateTimeOffset ChargedAt);

/// <summary>One account's totals for the period (shown when the community keeps one account per building).</summary>
public sealed record StatementAccount(string Name, long OpeningFen, long InFen, long IncomeFen, long OutFen, long CorrectionsFen, long ClosingFen,
    long? InterestFen = null, long? CommonIncomeFen = null);

/// <summary>
/// A period statement: totals in (opening, deposits, top-ups), income (interest, common-part income), out (works,
/// refunds), corrections, the balances at both ends; each works project charged in the period; each household's line.
/// </summary>
/// <param name="Accounts">Each account's totals (statements published before per-building accounts have none).</param>
/// <param name="InterestFen">Of incomeFen, the bank interest (利息); null on statements published before income was split.</param>
/// <param name="CommonIncomeFen">Of incomeFen, the income from common parts (公共收益); null likewise.</param>
public sealed record Statement(string Community, DateOnly From, DateOnly To, long OpeningFen, long InFen, long IncomeFen, long OutFen,
    long CorrectionsFen, long ClosingFen, IReadOnlyList<StatementWorks> Works, IReadOnlyList<StatementHousehold> Households,
    IReadOnlyList<StatementAccount>? Accounts = null, long? InterestFen = null, long? CommonIncomeFen = null)
{
    /// <summary>Per-account totals are shown only when there are several accounts.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<StatementAccount> SeveralAccounts => Accounts is { Count: > 1 } ? Accounts : [];
}

public static class Statements
{
    /// <summary>format: json (default), csv, or html (a printable page).</summary>
    public static async Task<IResult> GetAsync(Guid communityId, DateOnly from, DateOnly to, string? format, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewFund, ct);
        if (to < from)
            throw AppProblem.BadRequest("statement_period_invalid", "结束日期不能早于开始日期");
        await FundQueries.RequireOpenedAsync(communityId, db, ct);
        var statement = await BuildAsync(communityId, from, to, db, ct);
        return string.Equals((format ?? "json").Trim(), "json", StringComparison.OrdinalIgnoreCase) ? TypedResults.Ok(statement) : File(statement, format);
    }

    /// <summary>The statement as a download: csv, xlsx, or a printable html page (headed by <paramref name="note"/>, if any).</summary>
    internal static IResult File(Statement s, string? format, string? note = null)
    {
        var name = $"fund-statement-{s.From:yyyyMMdd}-{s.To:yyyyMMdd}";
        return (format ?? "").Trim().ToLowerInvariant() switch
        {
            "csv" => Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(s))).ToArray(), "text/csv; charset=utf-8", name + ".csv"),
            "xlsx" => Results.File(Sheet(s).ToXlsx("对账单"), Spreadsheet.XlsxMediaType, name + ".xlsx"),
            "html" => Results.Content(Html(s, note), "text/html; charset=utf-8"),
            _ => throw AppProblem.BadRequest("statement_format_invalid", "格式应为 json、csv、xlsx 或 html"),
        };
    }

    /// <summary>The community's statement over all its accounts, with each account's totals.</summary>
    internal static async Task<Statement> BuildAsync(Guid communityId, DateOnly from, DateOnly to, AppDbContext db, CancellationToken ct)
    {
        // The period is China calendar days; storage is UTC.
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var community = await db.Communities.Where(c => c.Id == communityId).Select(c => c.Name).SingleAsync(ct);
        var accounts = await db.FundAccounts.AsNoTracking().Where(a => a.CommunityId == communityId)
            .Select(a => new { a.Id, Building = db.Buildings.Where(b => b.Id == a.BuildingId).Select(b => b.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var accountIds = accounts.Select(a => a.Id).ToList();
        var entries = await db.FundEntries.AsNoTracking().Where(e => accountIds.Contains(e.AccountId) && e.PostedAt < end)
            .Select(e => new EntryLine(e.AccountId, e.HouseholdId, e.Kind, e.AmountFen, e.PostedAt)).ToListAsync(ct);
        var households = await (from h in db.FundHouseholds.AsNoTracking()
                                where h.CommunityId == communityId
                                join u in db.Units on h.UnitId equals u.Id
                                orderby u.Building!.Name, u.Number
                                select new { h.Id, Building = u.Building!.Name, u.Number }).ToListAsync(ct);
        var lines = new List<StatementHousehold>();
        foreach (var h in households)
        {
            var mine = entries.Where(e => e.HouseholdId == h.Id).ToList();
            var before = mine.Where(e => e.PostedAt < start).Sum(e => e.AmountFen);
            var during = mine.Where(e => e.PostedAt >= start).ToList();
            lines.Add(new StatementHousehold(h.Building, h.Number, before,
                during.Where(e => IsIn(e.Kind) || (e.Kind == FundEntryKind.Correction && e.AmountFen > 0)).Sum(e => e.AmountFen),
                during.Where(e => IsIncome(e.Kind)).Sum(e => e.AmountFen),
                -during.Where(e => IsOut(e.Kind) || (e.Kind == FundEntryKind.Correction && e.AmountFen < 0)).Sum(e => e.AmountFen),
                before + during.Sum(e => e.AmountFen), h.Id, Sum(during, FundEntryKind.Interest), Sum(during, FundEntryKind.CommonPartIncome)));
        }
        var totals = accounts.OrderBy(a => a.Building).Select(a =>
        {
            var mine = entries.Where(e => e.AccountId == a.Id).ToList();
            var during = mine.Where(e => e.PostedAt >= start).ToList();
            return new StatementAccount(a.Building is null ? community : $"{a.Building}账户", mine.Where(e => e.PostedAt < start).Sum(e => e.AmountFen),
                during.Where(e => IsIn(e.Kind)).Sum(e => e.AmountFen), during.Where(e => IsIncome(e.Kind)).Sum(e => e.AmountFen),
                -during.Where(e => IsOut(e.Kind)).Sum(e => e.AmountFen), during.Where(e => e.Kind == FundEntryKind.Correction).Sum(e => e.AmountFen),
                mine.Sum(e => e.AmountFen), Sum(during, FundEntryKind.Interest), Sum(during, FundEntryKind.CommonPartIncome));
        }).ToList();
        var period = entries.Where(e => e.PostedAt >= start).ToList();
        var works = await db.FundWorksPlans.AsNoTracking().Where(p => p.CommunityId == communityId && p.ChargedAt != null
            && p.ChargedAt >= start && p.ChargedAt < end).ToListAsync(ct);
        return new Statement(community, from, to, entries.Where(e => e.PostedAt < start).Sum(e => e.AmountFen),
            period.Where(e => IsIn(e.Kind)).Sum(e => e.AmountFen), period.Where(e => IsIncome(e.Kind)).Sum(e => e.AmountFen),
            -period.Where(e => IsOut(e.Kind)).Sum(e => e.AmountFen), period.Where(e => e.Kind == FundEntryKind.Correction).Sum(e => e.AmountFen),
            entries.Sum(e => e.AmountFen),
            works.OrderBy(w => w.ChargedAt).Select(w => new StatementWorks(w.Title, w.Emergency, w.VoteId, w.ActualCostFen!.Value,
                w.CoveredFen!.Value, w.ChargedAt!.Value)).ToList(), lines, totals,
            Sum(period, FundEntryKind.Interest), Sum(period, FundEntryKind.CommonPartIncome));

        // Interest and common-part income are apart on every line: owners ask what the bank paid and what the common
        // parts earned, and the two are split by different weights (balance, area).
        static long Sum(IEnumerable<EntryLine> entries, FundEntryKind kind) => entries.Where(e => e.Kind == kind).Sum(e => e.AmountFen);
    }

    private sealed record EntryLine(Guid AccountId, Guid HouseholdId, FundEntryKind Kind, long AmountFen, DateTimeOffset PostedAt);

    private static bool IsIn(FundEntryKind k) => k is FundEntryKind.Opening or FundEntryKind.Deposit or FundEntryKind.TopUp;
    private static bool IsIncome(FundEntryKind k) => k is FundEntryKind.Interest or FundEntryKind.CommonPartIncome;
    private static bool IsOut(FundEntryKind k) => k is FundEntryKind.WorksCharge or FundEntryKind.Refund;

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Blank where a statement published before income was split has no figure.</summary>
    private static string Yuan(long? fen) => fen is { } f ? Yuan(f) : "";

    private static string Csv(Statement s)
    {
        var csv = new StringBuilder();
        csv.AppendLine(CsvCell.Line(["小区", s.Community, "期间", $"{s.From:yyyy-MM-dd}", $"{s.To:yyyy-MM-dd}"]));
        csv.AppendLine(CsvCell.Line(["期初余额", "本期交存", "本期收益", "其中利息", "其中公共收益", "本期支出", "本期更正", "期末余额"]));
        csv.AppendLine(CsvCell.Line([Yuan(s.OpeningFen), Yuan(s.InFen), Yuan(s.IncomeFen), Yuan(s.InterestFen), Yuan(s.CommonIncomeFen), Yuan(s.OutFen),
            Yuan(s.CorrectionsFen), Yuan(s.ClosingFen)]));
        if (s.SeveralAccounts.Count > 0)
            csv.AppendLine(CsvCell.Line(["账户", "期初余额", "本期交存", "本期收益", "其中利息", "其中公共收益", "本期支出", "本期更正", "期末余额"]));
        foreach (var a in s.SeveralAccounts)
            csv.AppendLine(CsvCell.Line([a.Name, Yuan(a.OpeningFen), Yuan(a.InFen), Yuan(a.IncomeFen), Yuan(a.InterestFen), Yuan(a.CommonIncomeFen),
                Yuan(a.OutFen), Yuan(a.CorrectionsFen), Yuan(a.ClosingFen)]));
        csv.AppendLine(CsvCell.Line(["维修项目", "应急", "实际费用", "分户账列支", "列支时间"]));
        foreach (var w in s.Works)
            csv.AppendLine(CsvCell.Line([w.Title, w.Emergency ? "是" : "否", Yuan(w.ActualCostFen), Yuan(w.CoveredFen), $"{w.ChargedAt.ToChina():yyyy-MM-dd}"]));
        csv.AppendLine(CsvCell.Line(["楼栋", "房号", "期初", "交存", "收益", "其中利息", "其中公共收益", "支出", "期末"]));
        foreach (var h in s.Households)
            csv.AppendLine(CsvCell.Line([h.Building, h.Unit, Yuan(h.OpeningFen), Yuan(h.InFen), Yuan(h.IncomeFen), Yuan(h.InterestFen),
                Yuan(h.CommonIncomeFen), Yuan(h.OutFen), Yuan(h.ClosingFen)]));
        return csv.ToString();
    }

    /// <summary>
    /// The statement as one flat sheet (one header for totals, works and households), amounts as numbers in yuan so
    /// they can be summed; text cells are defused by <see cref="Spreadsheet"/>.
    /// </summary>
    private static Spreadsheet Sheet(Statement s)
    {
        static decimal Y(long fen) => fen / 100m;
        static decimal? N(long? fen) => fen is { } f ? f / 100m : null;
        var sheet = new Spreadsheet(["类别", "名称或楼栋", "房号或日期", "期初余额", "本期交存", "本期收益", "其中利息", "其中公共收益", "本期支出",
            "本期更正", "期末余额"]);
        sheet.Add("合计", s.Community, $"{s.From:yyyy-MM-dd} 至 {s.To:yyyy-MM-dd}", Y(s.OpeningFen), Y(s.InFen), Y(s.IncomeFen),
            N(s.InterestFen), N(s.CommonIncomeFen), Y(s.OutFen), Y(s.CorrectionsFen), Y(s.ClosingFen));
        foreach (var a in s.SeveralAccounts)
            sheet.Add("账户", a.Name, null, Y(a.OpeningFen), Y(a.InFen), Y(a.IncomeFen), N(a.InterestFen), N(a.CommonIncomeFen), Y(a.OutFen),
                Y(a.CorrectionsFen), Y(a.ClosingFen));
        foreach (var w in s.Works)
            sheet.Add(w.Emergency ? "维修项目（应急使用）" : "维修项目", w.Title, $"{w.ChargedAt.ToChina():yyyy-MM-dd}", null, null, null, null, null,
                Y(w.CoveredFen), null, null);
        foreach (var h in s.Households)
            sheet.Add("分户", h.Building, h.Unit, Y(h.OpeningFen), Y(h.InFen), Y(h.IncomeFen), N(h.InterestFen), N(h.CommonIncomeFen), Y(h.OutFen),
                null, Y(h.ClosingFen));
        return sheet;
    }

    private static string Html(Statement s, string? note)
    {
        string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{E(s.Community)} 维修资金对账单</title>")
            .Append("<style>body{font-family:sans-serif}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:2px 6px;text-align:right}</style></head><body>")
            .Append($"<h1>{E(s.Community)} 住宅专项维修资金对账单</h1>")
            .Append(note is null ? "" : $"<p><strong>{E(note)}</strong></p>")
            .Append($"<p>{s.From:yyyy-MM-dd} 至 {s.To:yyyy-MM-dd}（金额单位：元；日期为北京时间）</p>")
            .Append("<table><tr><th>期初余额</th><th>本期交存</th><th>本期收益</th><th>其中利息</th><th>其中公共收益</th><th>本期支出</th><th>本期更正</th><th>期末余额</th></tr>")
            .Append($"<tr><td>{Yuan(s.OpeningFen)}</td><td>{Yuan(s.InFen)}</td><td>{Yuan(s.IncomeFen)}</td><td>{Yuan(s.InterestFen)}</td><td>{Yuan(s.CommonIncomeFen)}</td><td>{Yuan(s.OutFen)}</td><td>{Yuan(s.CorrectionsFen)}</td><td>{Yuan(s.ClosingFen)}</td></tr></table>");
        if (s.SeveralAccounts.Count > 0)
        {
            html.Append("<h2>各账户（按幢立账）</h2><table><tr><th>账户</th><th>期初余额</th><th>本期交存</th><th>本期收益</th><th>其中利息</th><th>其中公共收益</th><th>本期支出</th><th>本期更正</th><th>期末余额</th></tr>");
            foreach (var a in s.SeveralAccounts)
                html.Append($"<tr><td>{E(a.Name)}</td><td>{Yuan(a.OpeningFen)}</td><td>{Yuan(a.InFen)}</td><td>{Yuan(a.IncomeFen)}</td><td>{Yuan(a.InterestFen)}</td><td>{Yuan(a.CommonIncomeFen)}</td><td>{Yuan(a.OutFen)}</td><td>{Yuan(a.CorrectionsFen)}</td><td>{Yuan(a.ClosingFen)}</td></tr>");
            html.Append("</table>");
        }
        html.Append("<h2>维修项目</h2><table><tr><th>项目</th><th>应急使用</th><th>实际费用</th><th>分户账列支</th><th>列支时间</th></tr>");
        foreach (var w in s.Works)
            html.Append($"<tr><td>{E(w.Title)}</td><td>{(w.Emergency ? "是（事后公示）" : "否")}</td><td>{Yuan(w.ActualCostFen)}</td><td>{Yuan(w.CoveredFen)}</td><td>{w.ChargedAt.ToChina():yyyy-MM-dd}</td></tr>");
        html.Append("</table><h2>分户明细</h2><table><tr><th>楼栋</th><th>房号</th><th>期初</th><th>交存</th><th>收益</th><th>其中利息</th><th>其中公共收益</th><th>支出</th><th>期末</th></tr>");
        foreach (var h in s.Households)
            html.Append($"<tr><td>{E(h.Building)}</td><td>{E(h.Unit)}</td><td>{Yuan(h.OpeningFen)}</td><td>{Yuan(h.InFen)}</td><td>{Yuan(h.IncomeFen)}</td><td>{Yuan(h.InterestFen)}</td><td>{Yuan(h.CommonIncomeFen)}</td><td>{Yuan(h.OutFen)}</td><td>{Yuan(h.ClosingFen)}</td></tr>");
        return html.Append("</table></body></html>").ToString();
    }
}
