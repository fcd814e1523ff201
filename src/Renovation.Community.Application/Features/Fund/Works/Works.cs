using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Voting;

namespace Renovation.Community.Application.Features.Fund;

public sealed record DraftWorksRequest(string Title, WorksCategory Category, string Items, long BudgetFen, BearerScope Scope,
    List<Guid>? BearerIds) : IValidatable
{
    public void Validate(Validator v) => v.Text(Title, "title", "方案名称", 100).Text(Items, "items", "维修项目", 2000)
        .Range(BudgetFen, 1, 100_000_000_000, "budgetFen", "预算应大于 0");
}

/// <summary>Approve by a passed matter-5 vote (<see cref="VoteId"/>) or, for emergency categories, as an emergency use.</summary>
public sealed record ApproveWorksRequest(Guid? VoteId, bool Emergency);

public sealed record ChargeWorksRequest(long ActualCostFen) : IValidatable
{
    public void Validate(Validator v) => v.Range(ActualCostFen, 1, 100_000_000_000, "actualCostFen", "实际费用应大于 0");
}

public sealed record WorksPlanView(Guid Id, string Title, string Category, string Items, long BudgetFen, string Scope,
    IReadOnlyList<Guid> BearerIds, string State, Guid? VoteId, bool Emergency, string? EmergencyApplicant, long? ActualCostFen,
    long? CoveredFen, DateTimeOffset CreatedAt, DateTimeOffset? ApprovedAt, DateTimeOffset? ChargedAt, Guid? PublicationNoticeId,
    Places.AreaKind? AreaBasis);

/// <summary>Spending the fund: draft, approve (matter 5 or emergency), charge the actual cost by area.</summary>
public static class Works
{
    public static async Task<Created<WorksPlanView>> DraftAsync(Guid communityId, DraftWorksRequest request, Access access,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.DraftWorksPlans, ct);
        await FundQueries.RequireOpenedAsync(communityId, db, ct);
        var ids = request.BearerIds ?? [];
        var known = request.Scope switch
        {
            BearerScope.Buildings => await db.Buildings.CountAsync(b => b.CommunityId == communityId && ids.Contains(b.Id), ct),
            BearerScope.Units => await db.Units.CountAsync(u => u.CommunityId == communityId && ids.Contains(u.Id), ct),
            _ => 0,
        };
        if (request.Scope != BearerScope.Community && known != ids.Distinct().Count())
            throw new DomainRuleViolation("works_bearers_unknown", "分摊范围中有不属于本小区的楼栋或房屋");
        var plan = new WorksPlan(communityId, request.Title, request.Category, request.Items, request.BudgetFen, request.Scope, ids,
            access.UserId, clock.GetUtcNow());
        db.FundWorksPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/fund/works-plans/{plan.Id}", View(plan));
    }

    /// <summary>The committee, street and city see every plan; property staff see the plans they drafted.</summary>
    public static async Task<Ok<List<WorksPlanView>>> ListAsync(Guid communityId, Access access, AppDbContext db, CancellationToken ct)
    {
        var place = await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var scope = await access.ScopeAsync(ct);
        var seesAll = scope.Allows(Permission.ViewFund, place);
        if (!seesAll && !scope.Allows(Permission.DraftWorksPlans, place))
            throw AppProblem.Forbidden();
        var plans = db.FundWorksPlans.AsNoTracking().Where(p => p.CommunityId == communityId);
        if (!seesAll)
            plans = plans.Where(p => p.DraftedBy == scope.UserId);
        return TypedResults.Ok((await plans.OrderByDescending(p => p.CreatedAt).ToListAsync(ct)).Select(View).ToList());
    }

    public static async Task<Ok<WorksPlanView>> ApproveAsync(Guid planId, ApproveWorksRequest request, Access access, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        // An emergency use may be applied for by the committee or the street; a vote's approval is the committee's.
        var byEmergency = request.VoteId is null && request.Emergency;
        var plan = await FindAsync(planId, access, byEmergency ? Permission.ApplyEmergencyFundUse : Permission.RunFund, db, ct);
        if (request.VoteId is { } voteId)
        {
            var outcome = await VoteOutcomes.FindAsync(db, voteId, ct);
            if (outcome is null || outcome.CommunityId != plan.CommunityId)
                throw new DomainRuleViolation("works_vote_not_found", "使用维修资金须依据本小区的业主共同决定，未找到该表决");
            if (outcome.Matter != Matter.UseMaintenanceFund)
                throw new DomainRuleViolation("works_vote_wrong_matter", "使用维修资金须依据“使用建筑物及其附属设施的维修资金”事项（事项 5）的表决");
            if (!outcome.Passed)
                throw new DomainRuleViolation("works_vote_not_passed", "该表决尚未结束或未获通过，不能使用维修资金");
            plan.ApproveByVote(voteId, access.UserId, clock.GetUtcNow());
        }
        else if (request.Emergency)
        {
            var place = await access.RequireAsync(plan.CommunityId, Permission.ApplyEmergencyFundUse, ct);
            var applicant = (await access.ScopeAsync(ct)).Allows(Permission.RunFund, place) ? EmergencyApplicant.Committee : EmergencyApplicant.Street;
            plan.ApproveAsEmergency(access.UserId, clock.GetUtcNow(), applicant);
        }
        else
            throw new DomainRuleViolation("works_approval_missing", "请提供通过的事项 5 表决，或按应急程序申请");
        await db.SaveOrAnswerAsync(() => new DomainRuleViolation("works_plan_not_drafted", "只有草拟中的方案可以批准",
            StatusCodes.Status409Conflict), ct);
        return TypedResults.Ok(View(plan));
    }

    public static async Task<Ok<WorksChargeResult>> ChargeAsync(Guid planId, ChargeWorksRequest request, Access access,
        AppDbContext db, WorksCharging charging, EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var plan = await FindAsync(planId, access, Permission.RunFund, db, ct);
        var result = await db.InTransactionAsync(async c =>
        {
            var charged = await charging.ChargeAsync(plan.CommunityId, plan.Id, request.ActualCostFen, access.UserId, c);
            await PublishEmergencyUseAsync(plan.Id, charged, access.UserId, db, outbox, clock.GetUtcNow(), c);
            await db.SaveOrAnswerAsync(() => new DomainRuleViolation("works_plan_not_approved", "方案已经列支",
                StatusCodes.Status409Conflict), c);
            return charged;
        }, ct);
        return TypedResults.Ok(result);
    }

    /// <summary>
    /// An emergency use is published afterwards (事后公示, Order 165 Art. 24) as a community notice, in the charge's
    /// transaction: it names the applicant, the cost and how it was split, and is marked as an emergency use.
    /// </summary>
    private static async Task PublishEmergencyUseAsync(Guid planId, WorksChargeResult charged, Guid by, AppDbContext db, EventOutbox outbox,
        DateTimeOffset now, CancellationToken ct)
    {
        var plan = await db.FundWorksPlans.SingleAsync(p => p.Id == planId, ct);
        if (!plan.Emergency)
            return;
        static string Y(long fen) => (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var applicant = plan.EmergencyApplicant == EmergencyApplicant.Street ? "街道办事处" : "业主委员会";
        var body = $"""
            本项目按应急程序使用住宅专项维修资金，未经业主事先表决，现予事后公示。
            申请：{applicant}；类别：{CategoryName(plan.Category)}；批准时间：{plan.ApprovedAt?.ToChina():yyyy-MM-dd}
            维修内容：{plan.Items}
            实际费用 {Y(charged.ActualCostFen)} 元，按{SplitAreas.Chinese(charged.AreaBasis)}分摊至 {charged.Shares.Count} 户，从分户账列支 {Y(charged.CoveredFen)} 元，余额不足部分 {Y(charged.DueFen)} 元由相关业主补交。
            各户分摊额见本户分户账。
            """;
        var noticeId = await CommunityNotices.PublishAsync(db, outbox, plan.CommunityId, $"维修资金应急使用事后公示：{plan.Title}", body, by, now, ct);
        plan.PublishedAfterwards(noticeId);
    }

    private static string CategoryName(WorksCategory c) => c switch
    {
        WorksCategory.Lift => "电梯",
        WorksCategory.Roof => "屋面",
        WorksCategory.ExternalWall => "外墙",
        WorksCategory.FireSafety => "消防",
        WorksCategory.Leak => "渗漏",
        _ => "其他",
    };

    private static async Task<WorksPlan> FindAsync(Guid planId, Access access, Permission permission, AppDbContext db, CancellationToken ct)
    {
        AppProblem NotFound() => AppProblem.NotFound("works_plan_not_found", "维修方案不存在");
        var plan = await db.FundWorksPlans.SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw NotFound();
        await access.RequireAsync(plan.CommunityId, permission, ct, NotFound);
        return plan;
    }

    internal static WorksPlanView View(WorksPlan p) => new(p.Id, p.Title, p.Category.ToString(), p.Items, p.BudgetFen, p.Scope.ToString(),
        p.BearerIds, p.State.ToString(), p.VoteId, p.Emergency, p.EmergencyApplicant?.ToString(), p.ActualCostFen, p.CoveredFen, p.CreatedAt,
        p.ApprovedAt, p.ChargedAt, p.PublicationNoticeId, p.ChargedAreaBasis);
}
