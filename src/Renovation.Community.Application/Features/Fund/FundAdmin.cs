using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Text;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

/// <param name="Mode">Community (default): one account; PerBuilding: one account per building (按幢立账、按户核算).</param>
public sealed record OpenFundRequest(int? LowBalancePercent, FundAccountMode? Mode) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Range(LowBalancePercent ?? FundAccount.DefaultLowBalancePercent, 1, 100, "lowBalancePercent", "续筹提醒比例应在 1 到 100 之间");
        if (Mode is { } mode && !Enum.IsDefined(mode))
            v.Add("mode", "立账方式应为 Community（按小区）或 PerBuilding（按幢）");
    }
}

public sealed record ComputeDepositsRequest(long RatePerSqmFen) : IValidatable
{
    public void Validate(Validator v) => v.Range(RatePerSqmFen, 1, 10_000_000, "ratePerSqmFen", "每平方米交存标准应为 1 分以上");
}

public sealed record CorrectionRequest(Guid EntryId, long AmountFen, string Reason) : IValidatable
{
    public void Validate(Validator v) => v.NotEmpty(EntryId, "entryId", "被更正的记账")
        .Range(AmountFen == 0 ? 0 : 1, 1, 1, "amountFen", "更正金额不能为 0").Text(Reason, "reason", "更正原因", 150);
}

/// <summary>The committee opens the fund, posts its opening and corrects mistakes (never by editing an entry).</summary>
public static class FundAdmin
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    /// <summary>How the shared file reader's errors name the fund's opening file (not "名册文件", the register).</summary>
    public const string OpeningFileName = "期初文件";

    private static readonly string[] ImportMediaTypes = ["text/csv", "text/plain", Spreadsheet.XlsxMediaType, "application/octet-stream"];

    public static async Task<Created<FundAccountView>> OpenAsync(Guid communityId, OpenFundRequest request, Access access,
        AppDbContext db, FundOpening opening, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.RunFund, ct);
        AppProblem Exists() => AppProblem.Conflict("fund_exists", "该小区已建立维修资金账户");
        if (await db.FundAccounts.AnyAsync(a => a.CommunityId == communityId, ct))
            throw Exists();
        await opening.OpenAsync(communityId, request.Mode ?? FundAccountMode.Community,
            request.LowBalancePercent ?? FundAccount.DefaultLowBalancePercent, access.UserId, ct);
        await db.SaveOrAnswerAsync(Exists, ct);
        return TypedResults.Created($"/api/v1/communities/{communityId}/fund", await FundQueries.AccountViewAsync(communityId, db, ct));
    }

    public static async Task<Ok<OpeningResult>> ComputeDepositsAsync(Guid communityId, ComputeDepositsRequest request,
        Access access, AppDbContext db, FundOpening opening, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.RunFund, ct);
        await FundQueries.RequireOpenedAsync(communityId, db, ct);
        return TypedResults.Ok(await db.InTransactionAsync(async c =>
        {
            await opening.EnsureHouseholdsAsync(communityId, access.UserId, c);
            await db.SaveChangesAsync(c);
            return await opening.ComputeAsync(communityId, request.RatePerSqmFen, access.UserId, c);
        }, ct));
    }

    public static async Task<Ok<OpeningResult>> ImportAsync(Guid communityId, HttpRequest http, Access access, AppDbContext db,
        FundOpening opening, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.RunFund, ct);
        var mediaType = http.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !ImportMediaTypes.Contains(mediaType))
            throw new AppProblem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "请直接上传文件（CSV 用 text/csv，Excel 用 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）");
        if (http.ContentLength > MaxImportBytes)
            throw new AppProblem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "文件不能超过 5 MB");
        if (http.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxImportBytes;
        await FundQueries.RequireOpenedAsync(communityId, db, ct);
        // Read once: the transaction may be replayed (MySQL deadlock retries) and a request body cannot be. The
        // register import's reader decides by content: .xlsx, or CSV in UTF-8 or GB18030/GBK (what Excel saves).
        using var body = new MemoryStream();
        await http.Body.CopyToAsync(body, ct);
        var sheet = RegisterFile.Read(body.ToArray(), OpeningFileName);
        var result = await db.InTransactionAsync(async c =>
        {
            await opening.EnsureHouseholdsAsync(communityId, access.UserId, c);
            await db.SaveChangesAsync(c);
            var (result, errors) = await opening.ImportAsync(communityId, sheet, access.UserId, c);
            return result ?? throw new DomainRuleViolation("fund_import_invalid", $"文件有 {errors.Count} 处错误，未导入任何数据")
                .With("errors", errors);
        }, ct);
        return TypedResults.Ok(result);
    }

    public static async Task<Created<EntryView>> CorrectAsync(Guid communityId, CorrectionRequest request, Access access,
        AppDbContext db, FundLedger ledger, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.RunFund, ct);
        await FundQueries.RequireOpenedAsync(communityId, db, ct);
        var target = await db.FundEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.EntryId
                && db.FundAccounts.Any(a => a.Id == e.AccountId && a.CommunityId == communityId), ct)
            ?? throw AppProblem.NotFound("fund_entry_not_found", "该账户中没有这笔记账");
        var entry = await db.InTransactionAsync(async c =>
        {
            var posted = await ledger.PostAsync(new FundPosting(target.HouseholdId, FundEntryKind.Correction, request.AmountFen,
                $"correction:{Guid.CreateVersion7()}", $"更正第 {target.Sequence} 笔：{request.Reason.Trim()}",
                CorrectsEntryId: target.Id, PostedBy: access.UserId), c);
            await db.SaveChangesAsync(c);
            return posted;
        }, ct);
        return TypedResults.Created($"/api/v1/communities/{communityId}/fund/entries/{entry.Id}", FundViews.Of(entry));
    }
}
