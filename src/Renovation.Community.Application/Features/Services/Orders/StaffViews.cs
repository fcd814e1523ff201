using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

public sealed record ServiceIncomeDay(string Day, int Orders, long PaidFen, long RefundFen, long NetFen);

public sealed record ServiceIncomeView(Guid CommunityId, Guid CompanyId, string Month, int Orders, long PaidFen, long RefundFen,
    long NetFen, IReadOnlyList<ServiceIncomeDay> Days);

public sealed record CompanyServiceRecord(Guid CompanyId, string CompanyName, int CompletedOrders, int Ratings,
    int StarsTotal, IReadOnlyList<int> StarCounts, int Disputes, int UnansweredDisputes);

public sealed record ServiceOversightView(Guid CommunityId, IReadOnlyList<CompanyServiceRecord> Companies,
    IReadOnlyList<ServiceDisputeView> RecentDisputes);

/// <summary>What staff work from (orders by state and day, income) and what committees judge the company by.</summary>
public static class StaffViews
{
    public static async Task<Ok<Page<ServiceOrderView>>> OrdersAsync(Guid communityId, ServiceOrderState? state, string? day,
        [AsParameters] PageRequest paging, Access access, AppDbContext db, CancellationToken ct)
    {
        var from = day is null ? (DateTimeOffset?)null : ParseChinaDay(day);
        var place = await access.RequireAsync(communityId, Permission.ManageServices, ct);
        var query = db.ServiceOrders.AsNoTracking()
            .Where(o => o.CommunityId == communityId && o.CompanyId == place.PropertyCompanyId);
        if (state is { } s)
            query = query.Where(o => o.State == s);
        if (from is { } start)
        {
            // The day of the appointment, or of the order for services without slots.
            var end = start.AddDays(1);
            query = query.Where(o => (o.SlotStartsAt != null && o.SlotStartsAt >= start && o.SlotStartsAt < end)
                                     || (o.SlotStartsAt == null && o.CreatedAt >= start && o.CreatedAt < end));
        }
        var page = await query.OrderByDescending(o => o.CreatedAt).ToPageAsync(paging, ct);
        // A queue shows where to go and whom to ask for, with phones masked: the full phone is on the order view alone.
        return TypedResults.Ok(new Page<ServiceOrderView>(await OrderDetails.DescribeAsync(db, page.Items, ct), page.PageNumber,
            page.PageSize, page.Total));
    }

    /// <summary>
    /// Paid orders of the month (China time) by payment day: what was paid, what refunds give back (from Payments, whatever
    /// asked for them), and the net. Paid equals the accepted service payments of the community in the Payments report.
    /// </summary>
    public static async Task<Ok<ServiceIncomeView>> IncomeAsync(Guid communityId, string month, Access access, AppDbContext db,
        IPurposeIncome income, CancellationToken ct)
    {
        if (!DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            throw new Common.Validation.RequestValidationException(new Dictionary<string, string[]> { ["month"] = ["月份格式应为 yyyy-MM"] });
        var place = await access.RequireAsync(communityId, Permission.ManageServices, ct);
        var start = new DateTimeOffset(m, ChinaTime.Offset).ToUniversalTime();
        var end = new DateTimeOffset(m.AddMonths(1), ChinaTime.Offset).ToUniversalTime();
        var paid = place.PropertyCompanyId is { } companyId
            ? await ServiceIncomeRows.LoadAsync(db, income, companyId, communityId, start, end, ct)
            : [];
        var days = paid.GroupBy(o => o.PaidAt.ToChina().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key)
            .Select(g => new ServiceIncomeDay(g.Key, g.Count(), g.Sum(o => o.AmountFen), g.Sum(o => o.RefundedFen),
                g.Sum(o => o.NetFen)))
            .ToList();
        return TypedResults.Ok(new ServiceIncomeView(communityId, place.PropertyCompanyId ?? Guid.Empty, month, paid.Count,
            days.Sum(d => d.PaidFen), days.Sum(d => d.RefundFen), days.Sum(d => d.NetFen), days));
    }

    /// <summary>
    /// Complaints of the community: its committee, street and city see all; the serving company's staff see theirs (to
    /// answer them); a resident sees the complaints about orders of the units they act for (with the answers), and no
    /// one else's.
    /// </summary>
    public static async Task<Ok<List<ServiceDisputeView>>> DisputesAsync(Guid communityId, Access access, AppDbContext db,
        CancellationToken ct)
    {
        var units = (await access.UnitsInAsync(communityId, ct)).Select(u => u.UnitId).ToList();
        var visible = await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var scope = await access.ScopeAsync(ct);
        if (!scope.Allows(Permission.ViewServiceOversight, visible) && !scope.Allows(Permission.ManageServices, visible))
        {
            if (units.Count == 0)
                throw AppProblem.Forbidden();
            var me = access.UserId;
            var mine = await db.ServiceDisputes.AsNoTracking()
                .Where(d => d.CommunityId == communityId && (d.ResidentUserId == me
                    || db.ServiceOrders.Any(o => o.Id == d.OrderId && units.Contains(o.UnitId))))
                .OrderByDescending(d => d.CreatedAt).Take(200).ToListAsync(ct);
            return TypedResults.Ok(mine.Select(ServiceDisputeView.From).ToList());
        }
        var place = visible;
        var oversight = scope.Allows(Permission.ViewServiceOversight, place);
        var disputes = await db.ServiceDisputes.AsNoTracking()
            .Where(d => d.CommunityId == communityId && (oversight || d.CompanyId == place.PropertyCompanyId))
            .OrderByDescending(d => d.CreatedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(disputes.Select(ServiceDisputeView.From).ToList());
    }

    /// <summary>Ratings and disputes per company that served the community (the basis for judging the property company).</summary>
    public static async Task<Ok<ServiceOversightView>> OversightAsync(Guid communityId, Access access, AppDbContext db,
        CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewServiceOversight, ct);
        var done = new[] { ServiceOrderState.Completed, ServiceOrderState.Confirmed, ServiceOrderState.Rated };
        var orders = await db.ServiceOrders.AsNoTracking()
            .Where(o => o.CommunityId == communityId && done.Contains(o.State))
            .Select(o => new { o.CompanyId, o.Stars }).ToListAsync(ct);
        var disputes = await db.ServiceDisputes.AsNoTracking().Where(d => d.CommunityId == communityId)
            .OrderByDescending(d => d.CreatedAt).ToListAsync(ct);
        var companyIds = orders.Select(o => o.CompanyId).Concat(disputes.Select(d => d.CompanyId)).Distinct().ToList();
        var names = await db.PropertyCompanies.AsNoTracking().Where(c => companyIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var companies = companyIds.Select(id =>
        {
            var rated = orders.Where(o => o.CompanyId == id && o.Stars != null).Select(o => o.Stars!.Value).ToList();
            var theirs = disputes.Where(d => d.CompanyId == id).ToList();
            return new CompanyServiceRecord(id, names.GetValueOrDefault(id, ""), orders.Count(o => o.CompanyId == id),
                rated.Count, rated.Sum(), Enumerable.Range(1, 5).Select(s => rated.Count(r => r == s)).ToList(),
                theirs.Count, theirs.Count(d => d.Answer is null));
        }).OrderBy(c => c.CompanyName, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new ServiceOversightView(communityId, companies,
            disputes.Take(50).Select(ServiceDisputeView.From).ToList()));
    }

    private static DateTimeOffset ParseChinaDay(string day) =>
        DateTime.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new DateTimeOffset(d, ChinaTime.Offset).ToUniversalTime()
            : throw new Common.Validation.RequestValidationException(new Dictionary<string, string[]> { ["day"] = ["日期格式应为 yyyy-MM-dd"] });
}
