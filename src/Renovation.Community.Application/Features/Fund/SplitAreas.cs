using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// The one place a fund split learns which area it counts by (the community's <see cref="FundSettings"/>, or the law's
/// default) and reads that area for each household. A split by building area over a unit whose building area the register
/// does not give is refused, naming the units: guessing it (say, from the exclusive area) would quietly move money
/// between households.
/// </summary>
public static class SplitAreas
{
    /// <summary>One household's weight in a split: its unit's area of the kind the split uses (null: not registered).</summary>
    private sealed record HouseholdArea(Guid HouseholdId, string Building, string Unit, long? AreaHundredths);

    public static async Task<FundSettings> SettingsAsync(AppDbContext db, Guid communityId, CancellationToken ct) =>
        await db.FundSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CommunityId == communityId, ct)
        ?? new FundSettings(communityId);

    public static async Task<AreaKind> KindAsync(AppDbContext db, Guid communityId, SplitPurpose purpose, CancellationToken ct)
    {
        var settings = await SettingsAsync(db, communityId, ct);
        return purpose == SplitPurpose.Charges ? settings.ChargesArea : settings.CommonIncomeArea;
    }

    /// <summary>The area of the given kind of each household's unit (households in the order given).</summary>
    public static async Task<Dictionary<Guid, long>> OfAsync(AppDbContext db, IReadOnlyCollection<Guid> householdIds, AreaKind kind,
        CancellationToken ct)
    {
        var rows = await (from h in db.FundHouseholds.AsNoTracking()
                          where householdIds.Contains(h.Id)
                          join u in db.Units.AsNoTracking() on h.UnitId equals u.Id
                          select new HouseholdArea(h.Id, u.Building!.Name, u.Number,
                              kind == AreaKind.Building ? u.BuildingAreaHundredths : u.ExclusiveAreaHundredths))
            .ToListAsync(ct);
        var missing = rows.Where(r => r.AreaHundredths is null).OrderBy(r => r.Building).ThenBy(r => r.Unit).ToList();
        if (missing.Count > 0)
            throw new DomainRuleViolation("unit_building_area_missing",
                    $"按建筑面积分摊，但有 {missing.Count} 户未登记建筑面积（{string.Join("、", missing.Take(5).Select(m => m.Building + " " + m.Unit))}"
                    + (missing.Count > 5 ? " 等" : "") + "）。请先在房屋名册中补录建筑面积；如业主大会另有约定按专有面积分摊，可在维修资金设置中修改")
                .With("units", missing.Count);
        return rows.ToDictionary(r => r.HouseholdId, r => r.AreaHundredths!.Value);
    }

    /// <summary>How a memo or a statement names the area, in the residents' words.</summary>
    public static string Chinese(AreaKind kind) => kind == AreaKind.Building ? "建筑面积" : "专有面积";
}
