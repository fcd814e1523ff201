using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Notices;

namespace Renovation.Community.Application.Features.Fund;

public sealed record PublishStatementRequest([property: Required] DateOnly? From, [property: Required] DateOnly? To) : IValidatable
{
    /// <summary>No statement reaches back before the fund rules of the 1990s; it also keeps dates far from DateOnly.MinValue.</summary>
    private static readonly DateOnly Earliest = new(1990, 1, 1);

    public void Validate(Validator v)
    {
        if (From is null)
            v.Add("from", "请填写开始日期");
        else if (From < Earliest)
            v.Add("from", "开始日期不能早于 1990-01-01");
        if (To is null)
            v.Add("to", "请填写结束日期");
        if (From is not { } from || To is not { } to)
            return;
        if (to < from)
            v.Add("to", "结束日期不能早于开始日期");
        if (from.AddYears(5) < to)
            v.Add("to", "一份对账单的期间不能超过 5 年");
    }
}

/// <summary>
/// A published statement and where to download it (csv, xlsx, or a printable html page, all with the caller's token; a
/// link that opens in a browser without one comes from <c>POST …/links</c>). Revision 1 is the first publication; a
/// correction is the next revision of the same period, with its reason and the statement it supersedes.
/// </summary>
public sealed record PublishedStatementView(Guid Id, DateOnly From, DateOnly To, bool Yearly, long ClosingFen, DateTimeOffset PublishedAt,
    Guid NoticeId, string CsvUrl, string XlsxUrl, string HtmlUrl, int Revision, Guid? SupersedesId, string? CorrectionReason,
    Guid? SupersededById, DateTimeOffset? SupersededAt)
{
    public static PublishedStatementView Of(PublishedStatement p)
    {
        var file = StatementPublishing.FileUrl(p.Id);
        return new(p.Id, p.From, p.To, p.Yearly, p.ClosingFen, p.PublishedAt, p.NoticeId, file + "?format=csv", file + "?format=xlsx",
            file + "?format=html", p.Revision, p.SupersedesId, p.CorrectionReason, p.SupersededById, p.SupersededAt);
    }
}

/// <summary>Why the committee corrects a published statement; residents read it in the correction's notice.</summary>
public sealed record SupersedeStatementRequest([property: Required] string? Reason) : IValidatable
{
    public void Validate(Validator v)
    {
        if (string.IsNullOrWhiteSpace(Reason))
            v.Add("reason", "请填写更正原因");
        else if (Reason.Trim().Length > PublishedStatement.MaxReasonLength)
            v.Add("reason", $"更正原因不能超过 {PublishedStatement.MaxReasonLength} 字");
    }
}

/// <summary>
/// Publishing a period statement (公示): the statement is frozen, becomes a community notice through Notices' public
/// surface that links to the files, and is downloadable by everyone who may see the community. One per period.
/// </summary>
public static class StatementPublishing
{
    public static string FileUrl(Guid id) => $"/api/v1/fund/statements/{id}/file";

    internal static AppProblem AlreadyPublished() =>
        AppProblem.Conflict("fund_statement_published", "该期间的维修资金对账单已经公示");

    public static async Task<Created<PublishedStatementView>> PublishAsync(Guid communityId, PublishStatementRequest request, Access access,
        AppDbContext db, EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.RunFund, ct);
        var now = clock.GetUtcNow();
        var (from, to) = (request.From!.Value, request.To!.Value);
        if (to >= DateOnly.FromDateTime(now.ToChina().DateTime))
            throw new DomainRuleViolation("statement_period_not_over", "只能公示已经结束的期间（结束日期须早于今天）");
        await FundQueries.RequireOpenedAsync(communityId, db, ct);
        if (await db.FundPublishedStatements.AnyAsync(p => p.CommunityId == communityId && p.From == from && p.To == to, ct))
            throw AlreadyPublished();
        var published = await StageAsync(communityId, from, to, yearly: false, access.UserId, db, outbox, now, ct);
        // A racing publication of the same period loses on the unique index: its notice is never saved either.
        await db.SaveOrAnswerAsync(AlreadyPublished, ct);
        return TypedResults.Created(FileUrl(published.Id), PublishedStatementView.Of(published));
    }

    internal static AppProblem AlreadySuperseded() =>
        AppProblem.Conflict("fund_statement_superseded", "该对账单已被更正，请更正最新的一份");

    /// <summary>
    /// Corrects a published statement (更正): the period's figures are rebuilt from the ledger as it is now and published
    /// as the next revision with the reason, in a notice of its own; the earlier statement is kept and marked superseded.
    /// </summary>
    public static async Task<Created<PublishedStatementView>> SupersedeAsync(Guid statementId, SupersedeStatementRequest request,
        Access access, AppDbContext db, EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        AppProblem NotFound() => AppProblem.NotFound("fund_statement_not_found", "对账单不存在或您无权查看");
        var earlier = await db.FundPublishedStatements.SingleOrDefaultAsync(p => p.Id == statementId, ct) ?? throw NotFound();
        // Outside the community: 404 as if it did not exist; a resident or officer who can see it: 403.
        await access.RequireAsync(earlier.CommunityId, Permission.RunFund, ct, NotFound);
        var now = clock.GetUtcNow();
        var reason = request.Reason!.Trim();
        var statement = await Statements.BuildAsync(earlier.CommunityId, earlier.From, earlier.To, db, ct);
        var correction = earlier.SupersedeWith(JsonSerializer.Serialize(statement, JsonOptions), statement.ClosingFen, reason,
            access.UserId, now);
        db.FundPublishedStatements.Add(correction);
        var title = $"【更正】住宅专项维修资金收支公示（{earlier.From:yyyy-MM-dd} 至 {earlier.To:yyyy-MM-dd}）";
        var body = $"""
            本公示更正 {earlier.PublishedAt.ToChina():yyyy-MM-dd HH:mm} 发布的同期对账单，原对账单保留备查。
            更正原因：{reason}
            {Body(statement, correction.Id)}
            """;
        correction.Noticed(await CommunityNotices.PublishAsync(db, outbox, earlier.CommunityId, title, body, access.UserId, now, ct));
        // A racing correction of the same statement claims the same revision and loses on the unique index, notice and all.
        await db.SaveOrAnswerAsync(AlreadySuperseded, ct);
        return TypedResults.Created(FileUrl(correction.Id), PublishedStatementView.Of(correction));
    }

    /// <summary>
    /// Adds the frozen statement and its notice to the caller's unit of work (the caller saves). The yearly job publishes
    /// as <see cref="SystemActor"/>.
    /// </summary>
    internal static async Task<PublishedStatement> StageAsync(Guid communityId, DateOnly from, DateOnly to, bool yearly,
        Guid publisherId, AppDbContext db, EventOutbox outbox, DateTimeOffset now, CancellationToken ct)
    {
        var statement = await Statements.BuildAsync(communityId, from, to, db, ct);
        var published = new PublishedStatement(communityId, from, to, JsonSerializer.Serialize(statement, JsonOptions), statement.ClosingFen,
            yearly, publisherId, now);
        db.FundPublishedStatements.Add(published);
        var title = yearly ? $"{from:yyyy}年度住宅专项维修资金收支公示" : $"住宅专项维修资金收支公示（{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}）";
        var noticeId = await CommunityNotices.PublishAsync(db, outbox, communityId, title, Body(statement, published.Id),
            publisherId, now, ct);
        published.Noticed(noticeId);
        return published;
    }

    private static string Body(Statement s, Guid id)
    {
        static string Y(long fen) => (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var file = FileUrl(id);
        var emergency = s.Works.Count(w => w.Emergency);
        return $"""
            期间：{s.From:yyyy-MM-dd} 至 {s.To:yyyy-MM-dd}（金额单位：元）
            期初余额 {Y(s.OpeningFen)}，本期交存 {Y(s.InFen)}，本期收益 {Y(s.IncomeFen)}（其中利息 {Y(s.InterestFen ?? 0)}，公共收益 {Y(s.CommonIncomeFen ?? 0)}），本期支出 {Y(s.OutFen)}，本期更正 {Y(s.CorrectionsFen)}，期末余额 {Y(s.ClosingFen)}。
            本期列支维修项目 {s.Works.Count} 项{(emergency > 0 ? $"，其中应急使用 {emergency} 项（事后公示）" : "")}；各户明细见对账单。
            对账单（可打印）：{file}?format=html
            下载：{file}?format=xlsx 或 {file}?format=csv
            在浏览器中打开：在小程序的对账单页面取得本户的专属链接（7 天内有效）。
            业主可随时在“我的维修资金”中查看本户分户账，核对本户数字。
            """;
    }

    public static async Task<Ok<List<PublishedStatementView>>> ListAsync(Guid communityId, Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var list = await db.FundPublishedStatements.AsNoTracking().Where(p => p.CommunityId == communityId)
            .OrderByDescending(p => p.To).ThenByDescending(p => p.From).ToListAsync(ct);
        return TypedResults.Ok(list.Select(PublishedStatementView.Of).ToList());
    }

    /// <summary>The published file, for everyone who may see the community (its residents included): it was made public.</summary>
    public static async Task<IResult> FileAsync(Guid statementId, string? format, Access access, AppDbContext db, CancellationToken ct)
    {
        AppProblem NotFound() => AppProblem.NotFound("fund_statement_not_found", "对账单不存在或您无权查看");
        var published = await db.FundPublishedStatements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == statementId, ct) ?? throw NotFound();
        await access.RequireAsync(published.CommunityId, Permission.ViewCommunity, ct, NotFound);
        var statement = JsonSerializer.Deserialize<Statement>(published.Snapshot, JsonOptions)!;
        return Statements.File(statement, format ?? "html", published.SupersededById is null ? null : "本对账单已被更正，请以更正后的对账单为准。");
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
