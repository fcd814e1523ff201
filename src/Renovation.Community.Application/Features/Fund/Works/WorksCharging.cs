using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Money;
using Renovation.Community.Application.Data;

using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

/// <param name="AreaHundredths">The household's weight: its unit's area of the kind the charge used (<c>areaBasis</c> of the result).</param>
public sealed record WorksShareView(Guid HouseholdId, Guid UnitId, long AreaHundredths, long ShareFen, long ChargedFen, long DueFen);

/// <param name="AreaBasis">The area the cost was split by: Building by law (Order 165 Art. 22), or what the community's settings chose.</param>
public sealed record WorksChargeResult(Guid PlanId, long ActualCostFen, long CoveredFen, long DueFen, IReadOnlyList<WorksShareView> Shares,
    AreaKind AreaBasis);

/// <summary>
/// Splits a works plan's actual cost among the bearing households by building area (Order 165 Art. 22: 按照各业主拥有
/// 物业的建筑面积的比例分摊; or the area the owners' rules chose, <see cref="FundSettings"/>) in whole fen, largest remainder;
/// charges each household what its balance covers and records the rest as an amount due. The developer's party bears
/// its unsold units like any owner: each unit is a household, whoever holds it.
/// </summary>
public sealed class WorksCharging(AppDbContext db, FundLedger ledger, TimeProvider clock)
{
    /// <summary>Runs inside the caller's transaction, which must not have read anything yet (see the first statement).</summary>
    public async Task<WorksChargeResult> ChargeAsync(Guid communityId, Guid planId, long actualCostFen, Guid by, CancellationToken ct)
    {
        if (actualCostFen < 1)
            throw new DomainRuleViolation("fund_amount_invalid", "实际费用必须大于 0");
        // Lock the community's accounts first (one per building, or its only one; one statement, so always in the same
        // order): every posting locks its account too, so from here no balance changes under us and the reads below
        // (MariaDB takes its snapshot at the first read, which is after this lock) are current. Each share then posts to
        // its household's own account, so a plan spanning buildings debits each building's account.
        await db.FundAccounts.Where(a => a.CommunityId == communityId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EntryCount, a => a.EntryCount), ct);
        var plan = await db.FundWorksPlans.SingleOrDefaultAsync(p => p.Id == planId && p.CommunityId == communityId, ct)
            ?? throw AppProblem.NotFound("works_plan_not_found", "维修方案不存在");
        if (plan.State != WorksPlanState.Approved)
            throw new DomainRuleViolation("works_plan_not_approved", "方案未经表决通过或未按应急程序批准，不能列支",
                plan.State == WorksPlanState.Charged ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);

        var bearers = await BearersAsync(plan, ct);
        if (bearers.Count == 0)
            throw new DomainRuleViolation("works_bearers_missing", "没有找到分摊费用的房屋");
        var kind = await SplitAreas.KindAsync(db, communityId, SplitPurpose.Charges, ct);
        var areas = await SplitAreas.OfAsync(db, bearers.Select(b => b.HouseholdId).ToList(), kind, ct);
        var shares = LargestRemainder.Split(actualCostFen, bearers.Select(b => areas[b.HouseholdId]).ToList());
        var now = clock.GetUtcNow();
        var views = new List<WorksShareView>();
        long covered = 0;
        for (var i = 0; i < bearers.Count; i++)
        {
            var b = bearers[i];
            var charged = Math.Min(shares[i], b.BalanceFen);
            if (charged > 0)
                await ledger.PostAsync(new FundPosting(b.HouseholdId, FundEntryKind.WorksCharge, -charged, $"works:{plan.Id}:{b.HouseholdId}",
                    $"维修分摊（按{SplitAreas.Chinese(kind)}）：{plan.Title}" + (plan.Emergency ? "（应急）" : ""), plan.Id, PostedBy: by), ct);
            var due = shares[i] - charged;
            if (due > 0)
                db.FundDues.Add(new FundDue(plan.Id, communityId, b.HouseholdId, b.UnitId, due, now));
            covered += charged;
            views.Add(new WorksShareView(b.HouseholdId, b.UnitId, areas[b.HouseholdId], shares[i], charged, due));
        }
        plan.Charged(actualCostFen, covered, kind, now);
        return new WorksChargeResult(plan.Id, actualCostFen, covered, actualCostFen - covered, views, kind);
    }

    private sealed record Bearer(Guid HouseholdId, Guid UnitId, long BalanceFen);

    private async Task<List<Bearer>> BearersAsync(WorksPlan plan, CancellationToken ct)
    {
        var households = db.FundHouseholds.AsNoTracking().Where(h => h.CommunityId == plan.CommunityId);
        households = plan.Scope switch
        {
            BearerScope.Buildings => households.Where(h => plan.BearerIds.Contains(h.BuildingId)),
            BearerScope.Units => households.Where(h => plan.BearerIds.Contains(h.UnitId)),
            _ => households,
        };
        return await households.OrderBy(h => h.Id).Select(h => new Bearer(h.Id, h.UnitId, h.BalanceFen)).ToListAsync(ct);
    }
}
