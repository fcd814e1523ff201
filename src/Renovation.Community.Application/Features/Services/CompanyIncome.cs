using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

/// <summary>One period (a day yyyy-MM-dd or a month yyyy-MM, China time) of paid orders.</summary>
public sealed record ServiceIncomePeriod(string Period, int Orders, long PaidFen, long RefundFen, long NetFen);

public sealed record CommunityServiceIncome(Guid CommunityId, string CommunityName, int Orders, long PaidFen, long RefundFen,
    long NetFen, IReadOnlyList<ServiceIncomePeriod> Periods);

/// <summary><c>Periods</c> are days when a month was asked for, months when a year was.</summary>
public sealed record CompanyServiceIncomeView(Guid CompanyId, string Period, int Orders, long PaidFen, long RefundFen, long NetFen,
    IReadOnlyList<ServiceIncomePeriod> Periods, IReadOnlyList<CommunityServiceIncome> Communities);

/// <summary>
/// The company's service income across all its communities, per day of a month or per month of a year (China time),
/// in total and per community. Counted like the per-community view: orders by payment time, what was paid, what
/// refunds give back (any refund not closed or failed, whatever asked for it), and the net; paid equals the accepted <c>service-order</c> payments of the
/// company's communities in the Payments views.
/// </summary>
public static class CompanyIncome
{
    public static async Task<Ok<CompanyServiceIncomeView>> GetAsync(Guid companyId, string? month, string? year, Access access,
        AppDbContext db, IPurposeIncome income, CancellationToken ct)
    {
        var (label, start, end, byDay) = Range(month, year);
        if (!await access.IsStaffOfAsync(companyId, ct))
            throw AppProblem.NotFound("company_not_found", "物业服务企业不存在或您不是其员工");
        var paid = await ServiceIncomeRows.LoadAsync(db, income, companyId, null, start, end, ct);
        var format = byDay ? "yyyy-MM-dd" : "yyyy-MM";
        var communityIds = paid.Select(p => p.CommunityId).Distinct().ToList();
        var names = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var communities = paid.GroupBy(p => p.CommunityId)
            .Select(g => (Name: names.GetValueOrDefault(g.Key, ""), Id: g.Key, Rows: g.ToList()))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CommunityServiceIncome(c.Id, c.Name, c.Rows.Count, c.Rows.Sum(p => p.AmountFen),
                c.Rows.Sum(p => p.RefundedFen), c.Rows.Sum(p => p.NetFen), Periods(c.Rows, format)))
            .ToList();
        return TypedResults.Ok(new CompanyServiceIncomeView(companyId, label, paid.Count, paid.Sum(p => p.AmountFen),
            paid.Sum(p => p.RefundedFen), paid.Sum(p => p.NetFen), Periods(paid, format), communities));
    }

    private static List<ServiceIncomePeriod> Periods(IEnumerable<PurposePayment> rows, string format) => rows
        .GroupBy(p => p.PaidAt.ToChina().ToString(format, CultureInfo.InvariantCulture))
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new ServiceIncomePeriod(g.Key, g.Count(), g.Sum(p => p.AmountFen), g.Sum(p => p.RefundedFen),
            g.Sum(p => p.NetFen)))
        .ToList();

    /// <summary>Exactly one of month (yyyy-MM, per day) or year (yyyy, per month), as China-time bounds in UTC.</summary>
    private static (string Label, DateTimeOffset Start, DateTimeOffset End, bool ByDay) Range(string? month, string? year)
    {
        if (month is not null && year is null
            && DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            return (month, China(m), China(m.AddMonths(1)), true);
        if (year is not null && month is null
            && DateTime.TryParseExact(year, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var y))
            return (year, China(y), China(y.AddYears(1)), false);
        throw new RequestValidationException(new Dictionary<string, string[]>
            { ["month"] = ["请提供月份 month（格式 yyyy-MM）或年份 year（格式 yyyy），二者选一"] });
    }

    private static DateTimeOffset China(DateTime local) => new DateTimeOffset(local, ChinaTime.Offset).ToUniversalTime();
}
