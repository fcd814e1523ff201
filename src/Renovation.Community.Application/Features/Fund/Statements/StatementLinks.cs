using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>Which household's view of a published statement to link to.</summary>
public sealed record StatementLinkRequest([property: System.ComponentModel.DataAnnotations.Required] Guid? UnitId) : IValidatable
{
    public void Validate(Validator v)
    {
        if (UnitId is null)
            v.Add("unitId", "请选择房屋");
    }
}

/// <summary>A link that opens one household's view of a published statement in a browser until <paramref name="ExpiresAt"/>.</summary>
public sealed record StatementLinkView(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Browser links to a published statement (对账单): the mini-program's bearer token cannot travel in a link a resident
/// opens or forwards, so the link itself carries an expiring HMAC signature over statement, household and expiry
/// (<see cref="StatementLinkSigner"/>). A link shows the statement's totals, its works and that household's line only.
/// </summary>
public static class StatementLinks
{
    private static AppProblem NotFound() => AppProblem.NotFound("fund_statement_not_found", "对账单不存在或您无权查看");

    public static string PageUrl(Guid statementId, Guid householdId) => $"/api/v1/fund/statements/{statementId}/households/{householdId}/page";

    /// <summary>For the unit's bound residents and for those who may see the community's fund (committee, street, city).</summary>
    public static async Task<Ok<StatementLinkView>> IssueAsync(Guid statementId, StatementLinkRequest request, Access access,
        AppDbContext db, StatementLinkSigner signer, TimeProvider clock, CancellationToken ct)
    {
        var published = await db.FundPublishedStatements.AsNoTracking().Where(p => p.Id == statementId)
            .Select(p => new { p.Id, p.CommunityId }).SingleOrDefaultAsync(ct) ?? throw NotFound();
        await access.RequireAsync(published.CommunityId, Permission.ViewCommunity, ct, NotFound);
        AppProblem NoHousehold() => AppProblem.NotFound("fund_household_not_found", "分户账不存在或您无权查看");
        var household = await db.FundHouseholds.AsNoTracking()
            .Where(h => h.UnitId == request.UnitId && h.CommunityId == published.CommunityId)
            .Select(h => new { h.Id }).SingleOrDefaultAsync(ct) ?? throw NoHousehold();
        if (!(await access.ScopeAsync(ct)).Units.Any(u => u.UnitId == request.UnitId))
            await access.RequireAsync(published.CommunityId, Permission.ViewFund, ct, NoHousehold);
        if (!signer.Enabled)
            throw AppProblem.Conflict("fund_statement_links_off", "本系统未配置对账单链接密钥，暂不能生成浏览器链接，请在小程序中查看");
        // Whole seconds: the expiry travels in the link as Unix seconds and is signed as such.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + StatementLinkSigner.Lifetime).ToUnixTimeSeconds());
        var signature = signer.Sign(statementId, household.Id, expiresAt);
        var url = string.Create(CultureInfo.InvariantCulture,
            $"{PageUrl(statementId, household.Id)}?expires={expiresAt.ToUnixTimeSeconds()}&signature={signature}");
        return TypedResults.Ok(new StatementLinkView(url, expiresAt));
    }

    /// <summary>Anonymous: the signature is the authorisation. A wrong or altered link and an expired one are 403.</summary>
    public static async Task<IResult> OpenAsync(Guid statementId, Guid householdId, long? expires, string? signature,
        AppDbContext db, StatementLinkSigner signer, TimeProvider clock, CancellationToken ct)
    {
        if (expires is not { } expiresAt || !signer.Verifies(statementId, householdId, expiresAt, signature))
            throw new AppProblem(StatusCodes.Status403Forbidden, "fund_statement_link_invalid", "链接无效或已被改动，请在小程序中重新获取");
        if (clock.GetUtcNow().ToUnixTimeSeconds() >= expiresAt)
            throw new AppProblem(StatusCodes.Status403Forbidden, "fund_statement_link_expired", "链接已过期，请在小程序中重新获取");
        var published = await db.FundPublishedStatements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == statementId, ct) ?? throw NotFound();
        var unit = await db.FundHouseholds.AsNoTracking().Where(h => h.Id == householdId && h.CommunityId == published.CommunityId)
            .Join(db.Units, h => h.UnitId, u => u.Id, (h, u) => new { Building = u.Building!.Name, u.Number })
            .SingleOrDefaultAsync(ct) ?? throw NotFound();
        var statement = JsonSerializer.Deserialize<Statement>(published.Snapshot, StatementPublishing.JsonOptions)!;
        // Statements published before lines carried their household are matched by building and unit number.
        var mine = statement.Households.Where(h => h.HouseholdId == householdId
            || (h.HouseholdId == Guid.Empty && h.Building == unit.Building && h.Unit == unit.Number)).ToList();
        var note = published.SupersededById is null ? null : "本对账单已被更正，请以更正后的对账单为准。";
        return Statements.File(statement with { Households = mine }, "html", note);
    }
}
