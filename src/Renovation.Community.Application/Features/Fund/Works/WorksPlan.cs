using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>Emergency categories may use the fund before a vote (Ministry order 165, Art. 24); Other never may.</summary>
public enum WorksCategory
{
    Lift = 0,
    Roof = 1,
    ExternalWall = 2,
    FireSafety = 3,
    Leak = 4,
    Other = 9,
}

/// <summary>Who bears the cost: the whole community, listed buildings, or listed units.</summary>
public enum BearerScope
{
    Community = 0,
    Buildings = 1,
    Units = 2,
}

/// <summary>Who applied for an emergency use: the owners' committee or the street office.</summary>
public enum EmergencyApplicant
{
    Committee = 0,
    Street = 1,
}

public enum WorksPlanState
{
    Drafted = 0,
    Approved = 1,
    Charged = 2,
}

/// <summary>A works plan paid from the fund (维修资金使用方案).</summary>
public sealed class WorksPlan : IAudited
{
    private WorksPlan() { }

    public WorksPlan(Guid communityId, string title, WorksCategory category, string items, long budgetFen, BearerScope scope,
        List<Guid> bearerIds, Guid draftedBy, DateTimeOffset now)
    {
        if (budgetFen < 1)
            throw new DomainRuleViolation("fund_amount_invalid", "预算必须大于 0");
        if (scope != BearerScope.Community && bearerIds.Count == 0)
            throw new DomainRuleViolation("works_bearers_missing", "请列出分摊费用的楼栋或房屋");
        Id = Ids.New();
        CommunityId = communityId;
        Title = title.Trim();
        Category = category;
        Items = items.Trim();
        BudgetFen = budgetFen;
        Scope = scope;
        BearerIds = scope == BearerScope.Community ? [] : bearerIds.Distinct().ToList();
        DraftedBy = draftedBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public string Title { get; private set; } = "";
    public WorksCategory Category { get; private set; }
    /// <summary>The items and their budgets as drafted, one per line ("屋面防水 120000").</summary>
    public string Items { get; private set; } = "";
    public long BudgetFen { get; private set; }
    public BearerScope Scope { get; private set; }
    public List<Guid> BearerIds { get; private set; } = [];
    public WorksPlanState State { get; private set; }
    public Guid DraftedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The passed matter-5 vote that approved it; null for an emergency use.</summary>
    public Guid? VoteId { get; private set; }
    /// <summary>Used under the emergency procedure without a prior vote; published afterwards, marked as such.</summary>
    public bool Emergency { get; private set; }
    /// <summary>Who applied for the emergency use; null for a plan approved by a vote.</summary>
    public EmergencyApplicant? EmergencyApplicant { get; private set; }
    /// <summary>The community notice that published an emergency use after it was charged (事后公示).</summary>
    public Guid? PublicationNoticeId { get; private set; }
    public Guid? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public long? ActualCostFen { get; private set; }
    /// <summary>Part of the cost the bearing households' balances covered; the rest became amounts due.</summary>
    public long? CoveredFen { get; private set; }
    public DateTimeOffset? ChargedAt { get; private set; }
    /// <summary>The area the actual cost was split by, kept with the plan (a later change of the setting does not rewrite it).</summary>
    public AreaKind? ChargedAreaBasis { get; private set; }
    public int Version { get; private set; }

    public void ApproveByVote(Guid voteId, Guid by, DateTimeOffset now)
    {
        EnsureState(WorksPlanState.Drafted, "works_plan_not_drafted", "只有草拟中的方案可以批准");
        VoteId = voteId;
        Approve(by, now);
    }

    public void ApproveAsEmergency(Guid by, DateTimeOffset now, EmergencyApplicant applicant = Fund.EmergencyApplicant.Committee)
    {
        EnsureState(WorksPlanState.Drafted, "works_plan_not_drafted", "只有草拟中的方案可以批准");
        if (Category == WorksCategory.Other)
            throw new DomainRuleViolation("works_not_emergency", "只有电梯、屋面、外墙、消防、渗漏等紧急维修可以不经表决先行使用");
        Emergency = true;
        EmergencyApplicant = applicant;
        Approve(by, now);
    }

    public void Charged(long actualCostFen, long coveredFen, AreaKind areaBasis, DateTimeOffset now)
    {
        EnsureState(WorksPlanState.Approved, "works_plan_not_approved", "方案未经批准，不能列支");
        ActualCostFen = actualCostFen;
        ChargedAreaBasis = areaBasis;
        CoveredFen = coveredFen;
        ChargedAt = now;
        State = WorksPlanState.Charged;
        Version++;
    }

    public void PublishedAfterwards(Guid noticeId) => PublicationNoticeId = noticeId;

    private void Approve(Guid by, DateTimeOffset now)
    {
        ApprovedBy = by;
        ApprovedAt = now;
        State = WorksPlanState.Approved;
        Version++;
    }

    private void EnsureState(WorksPlanState state, string code, string detail)
    {
        if (State != state)
            throw new DomainRuleViolation(code, detail, StatusCodes.Status409Conflict);
    }
}
