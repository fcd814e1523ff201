using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

public enum TopUpBasis
{
    /// <summary>Each household owes its initial deposit minus its current balance (default).</summary>
    Shortfall = 0,
    /// <summary>Each household owes a rate in fen per m² × its building area (or the area the community's settings choose).</summary>
    PerSquareMetre = 1,
}

public enum TopUpCampaignState
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// A top-up campaign (续筹), raised only by a passed matter-6 vote (one campaign per vote). It covers the community's
/// households whatever account each belongs to; each payment posts to its household's own account.
/// </summary>
public sealed class TopUpCampaign : IAudited
{
    /// <summary>Instalments run over at most three years from the campaign's creation (the setting of issue item 4).</summary>
    public const int MaxMonths = 36;

    private TopUpCampaign() { }

    /// <param name="dueBy">The due date of the first (or only) instalment.</param>
    /// <param name="instalments">How many instalments (1 = one due date, as without a schedule).</param>
    /// <param name="intervalMonths">Months between instalments' due dates (needed from two instalments on).</param>
    public TopUpCampaign(Guid communityId, Guid voteId, string title, TopUpBasis basis, long? ratePerSqmFen,
        DateTimeOffset dueBy, Guid createdBy, DateTimeOffset now, int instalments = 1, int intervalMonths = 0)
    {
        var limit = now.AddMonths(MaxMonths);
        if (dueBy <= now || dueBy > limit)
            throw new DomainRuleViolation("top_up_due_invalid", "续筹截止日期应在今天之后、三年以内");
        if (instalments is < 1 or > MaxMonths || (instalments > 1 && intervalMonths is < 1 or > MaxMonths))
            throw new DomainRuleViolation("top_up_schedule_invalid", $"分期续筹应分 1 至 {MaxMonths} 期，每期间隔 1 至 {MaxMonths} 个月");
        var last = TopUpSchedule.DueDate(dueBy, intervalMonths, instalments);
        if (last > limit)
            throw new DomainRuleViolation("top_up_schedule_too_long",
                $"分期续筹的最后一期（{Common.Time.ChinaTime.ToChina(last):yyyy-MM-dd}）超出了发起之日起三年（{MaxMonths} 个月）的期限，请减少期数或缩短间隔");
        if (basis == TopUpBasis.PerSquareMetre && ratePerSqmFen is not > 0)
            throw new DomainRuleViolation("top_up_rate_invalid", "按面积续筹须填写每平方米金额（分）");
        Id = Ids.New();
        CommunityId = communityId;
        VoteId = voteId;
        Title = title.Trim();
        Basis = basis;
        RatePerSqmFen = basis == TopUpBasis.PerSquareMetre ? ratePerSqmFen : null;
        DueBy = dueBy;
        InstalmentCount = instalments;
        IntervalMonths = instalments > 1 ? intervalMonths : 0;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    /// <summary>The passed matter-6 vote that raised it; unique, so one vote raises one campaign.</summary>
    public Guid VoteId { get; private set; }
    public string Title { get; private set; } = "";
    public TopUpBasis Basis { get; private set; }
    public long? RatePerSqmFen { get; private set; }
    /// <summary>The area a per-m² campaign counted its shares by (kept: a later change of the setting does not rewrite it); null for a shortfall campaign.</summary>
    public AreaKind? AreaBasis { get; private set; }
    /// <summary>The first (or only) instalment's due date.</summary>
    public DateTimeOffset DueBy { get; private set; }
    /// <summary>How many instalments each share is split into (1 without a schedule; campaigns from before schedules read 1).</summary>
    public int InstalmentCount { get; private set; } = 1;
    /// <summary>Months between due dates; 0 with one instalment.</summary>
    public int IntervalMonths { get; private set; }
    /// <summary>Records the area the shares are counted by; a shortfall campaign counts no area and keeps none.</summary>
    public void CountsBy(AreaKind kind) => AreaBasis = Basis == TopUpBasis.PerSquareMetre ? kind : null;

    /// <summary>The last instalment's due date: money is taken until then.</summary>
    public DateTimeOffset LastDueBy => TopUpSchedule.DueDate(DueBy, IntervalMonths, InstalmentCount);
    public TopUpCampaignState State { get; private set; }
    /// <summary>Totals kept by relative UPDATEs in each payment's transaction (live progress without a scan).</summary>
    public long DueFen { get; private set; }
    public long PaidFen { get; private set; }
    public int Households { get; private set; }
    public int PaidHouseholds { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public void AddShare(long amountFen)
    {
        DueFen += amountFen;
        Households++;
    }

    public void Close(DateTimeOffset now)
    {
        if (State != TopUpCampaignState.Open)
            throw new DomainRuleViolation("top_up_campaign_closed", "该续筹活动已结束", StatusCodes.Status409Conflict);
        State = TopUpCampaignState.Closed;
        ClosedAt = now;
    }

    /// <summary>
    /// Takes money paid at <paramref name="at"/>: by its last due date and before the committee closed it. For WeChat
    /// money <paramref name="at"/> is WeChat's payment time, so a share paid in time is honoured however late the
    /// notification; money paid later is refused and refunded.
    /// </summary>
    public bool TakesMoney(DateTimeOffset at) =>
        at <= LastDueBy && (State == TopUpCampaignState.Open || (ClosedAt is { } closedAt && at < StartOfSecond(closedAt)));

    // WeChat reports success_time to the second: money of the close's own second cannot be shown to precede it.
    private static DateTimeOffset StartOfSecond(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());
}
