using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Proposals;

/// <summary>Where a plan version stands; see docs/projects.md for the diagram.</summary>
public enum PlanState
{
    /// <summary>Being written by the street; editable in place.</summary>
    Draft = 0,
    /// <summary>Sent to the renovation office, waiting for it to name the reviewing departments.</summary>
    Submitted = 1,
    /// <summary>Joint technical review (联合审查) under way; the content is frozen.</summary>
    InReview = 2,
    /// <summary>A department asked for changes; a new version must be made.</summary>
    ChangesRequested = 3,
    /// <summary>Every department approved; publicity may be scheduled.</summary>
    Approved = 4,
    /// <summary>Publicity dates set; the sweep opens it at the start time.</summary>
    PublicityScheduled = 5,
    /// <summary>公示: residents of the community may comment and object.</summary>
    InPublicity = 6,
    /// <summary>The period ended with objections not yet answered; the sweep moves it once all are answered.</summary>
    AwaitingAnswers = 7,
    /// <summary>Publicity closed with every objection answered: the plan may be put to the owners' vote.</summary>
    ReadyForVote = 8,
    /// <summary>Replaced by a newer version.</summary>
    Superseded = 9,
}

/// <summary>
/// One version of a community's renovation plan (改造方案). A version is edited only while it is a draft; any
/// change after that makes a new version that goes through review and publicity again. <see cref="Version"/> is the
/// optimistic concurrency token (not to be confused with <see cref="Number"/>, the plan's version number).
/// </summary>
public sealed class PlanVersion : IAudited
{
    private readonly List<PlanCostItem> _costItems = [];
    private readonly List<PlanAttachment> _attachments = [];

    private PlanVersion() { }

    public PlanVersion(Guid projectId, Guid communityId, Guid streetId, int number, Guid? previousVersionId,
        PlanContent content, Guid createdBy, DateTimeOffset now)
    {
        Id = Ids.New();
        ProjectId = projectId;
        CommunityId = communityId;
        StreetId = streetId;
        Number = number;
        PreviousVersionId = previousVersionId;
        CreatedBy = createdBy;
        CreatedAt = now;
        SetContent(content);
        UpdatedAt = now;
        Version = 1;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid CommunityId { get; private set; }
    public Guid StreetId { get; private set; }
    public int Number { get; private set; }
    public Guid? PreviousVersionId { get; private set; }
    public PlanState State { get; private set; }
    public string Title { get; private set; } = "";
    public string Design { get; private set; } = "";
    public string AfterCare { get; private set; } = "";
    /// <summary>Sum of the cost items, computed here and never taken from the client.</summary>
    public long TotalFen { get; private set; }
    public long GovernmentFen { get; private set; }
    public long UtilitiesFen { get; private set; }
    public long ResidentsFen { get; private set; }
    public long MaintenanceFundFen { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateTimeOffset? PublicityStartsAt { get; private set; }
    public DateTimeOffset? PublicityEndsAt { get; private set; }
    public DateTimeOffset? PublicityOpenedAt { get; private set; }
    public DateTimeOffset? PublicityClosedAt { get; private set; }
    public DateTimeOffset? ReadyForVoteAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<PlanCostItem> CostItems => _costItems;
    public IReadOnlyList<PlanAttachment> Attachments => _attachments;

    public Funding Funding => new(GovernmentFen, UtilitiesFen, ResidentsFen, MaintenanceFundFen);

    public PlanContent Content => new(Title, Design, AfterCare,
        _costItems.OrderBy(i => i.Position).Select(i => new CostLine(i.Name, i.AmountFen)).ToList(), Funding,
        _attachments.OrderBy(a => a.Position).Select(a => new AttachmentLine(a.FileId, a.Title)).ToList());

    /// <summary>Residents see a plan once it has left the drafting table; drafts are the street's work in progress.</summary>
    public bool IsVisibleToResidents => State != PlanState.Draft;

    /// <summary>A newer version may be made unless publicity is running: objections must be answered first.</summary>
    public bool CanBeRevised => State is PlanState.Submitted or PlanState.InReview or PlanState.ChangesRequested
        or PlanState.Approved or PlanState.PublicityScheduled or PlanState.ReadyForVote;

    public void Edit(PlanContent content, DateTimeOffset now)
    {
        if (State != PlanState.Draft)
            throw new DomainRuleViolation("plan_not_editable", "方案已提交审查，不能直接修改；请创建新版本", StatusCodes.Status409Conflict);
        SetContent(content);
        Touch(now);
    }

    public void Submit(DateTimeOffset now)
    {
        Require(PlanState.Draft, "plan_not_draft", "只有草稿状态的方案可以提交审查");
        State = PlanState.Submitted;
        SubmittedAt = now;
        Touch(now);
    }

    /// <summary>The office named the reviewing departments: the joint review starts.</summary>
    public void StartReview(DateTimeOffset now)
    {
        Require(PlanState.Submitted, "plan_not_submitted", "方案不在待分配审查部门状态");
        State = PlanState.InReview;
        Touch(now);
    }

    /// <summary>Called after each department's decision with the panel's decisions so far.</summary>
    public void ReviewDecided(IReadOnlyCollection<ReviewDecision> decisions, DateTimeOffset now)
    {
        Require(PlanState.InReview, "plan_not_in_review", "方案不在审查中");
        if (decisions.Contains(ReviewDecision.ChangesRequested))
            State = PlanState.ChangesRequested;
        else if (decisions.Count > 0 && decisions.All(d => d == ReviewDecision.Approved))
        {
            State = PlanState.Approved;
            ApprovedAt = now;
        }
        Touch(now);
    }

    /// <summary>公示 dates; may be moved until publicity opens. False when the same dates were already set (a repeat).</summary>
    public bool SchedulePublicity(DateTimeOffset startsAt, DateTimeOffset endsAt, int minDays, DateTimeOffset now)
    {
        if (State is not (PlanState.Approved or PlanState.PublicityScheduled))
            throw new DomainRuleViolation("plan_not_approved", "方案须经全部审查部门同意后才能公示", StatusCodes.Status409Conflict);
        if (State == PlanState.PublicityScheduled && SameInstant(PublicityStartsAt, startsAt) && SameInstant(PublicityEndsAt, endsAt))
            return false;
        if (startsAt < now.AddMinutes(-5))
            throw new DomainRuleViolation("publicity_start_in_past", "公示开始时间不能早于当前时间");
        if (endsAt - startsAt < TimeSpan.FromDays(minDays))
            throw new DomainRuleViolation("publicity_too_short", $"公示期不得少于 {minDays} 天");
        PublicityStartsAt = startsAt.ToUniversalTime();
        PublicityEndsAt = endsAt.ToUniversalTime();
        State = PlanState.PublicityScheduled;
        Touch(now);
        return true;
    }

    public bool OpenPublicityIfDue(DateTimeOffset now)
    {
        if (State != PlanState.PublicityScheduled || PublicityStartsAt > now)
            return false;
        State = PlanState.InPublicity;
        PublicityOpenedAt = now;
        Touch(now);
        return true;
    }

    /// <summary>Ends the period: straight to "ready for vote" only when no objection waits for an answer.</summary>
    public bool ClosePublicityIfDue(int unansweredObjections, DateTimeOffset now)
    {
        if (State != PlanState.InPublicity || PublicityEndsAt > now)
            return false;
        PublicityClosedAt = now;
        if (unansweredObjections > 0)
            State = PlanState.AwaitingAnswers;
        else
            BecomeReadyForVote(now);
        Touch(now);
        return true;
    }

    public bool FinishIfAllAnswered(int unansweredObjections, DateTimeOffset now)
    {
        if (State != PlanState.AwaitingAnswers || unansweredObjections > 0)
            return false;
        BecomeReadyForVote(now);
        Touch(now);
        return true;
    }

    public bool IsOpenForComments(DateTimeOffset now) => State == PlanState.InPublicity && now < PublicityEndsAt;

    public void Supersede(DateTimeOffset now)
    {
        if (!CanBeRevised)
            throw new DomainRuleViolation("plan_not_revisable",
                State == PlanState.Draft ? "草稿可以直接修改，无需创建新版本" : "公示期间或已被替代的方案不能创建新版本",
                StatusCodes.Status409Conflict);
        State = PlanState.Superseded;
        Touch(now);
    }

    /// <summary>Stored times lose sub-millisecond digits (SQLite keeps 0.1 ms, MySQL 1 µs), so a repeat is compared to the millisecond.</summary>
    private static bool SameInstant(DateTimeOffset? stored, DateTimeOffset requested) =>
        stored is { } s && Math.Abs((s - requested).Ticks) < TimeSpan.TicksPerMillisecond;

    private void BecomeReadyForVote(DateTimeOffset now)
    {
        State = PlanState.ReadyForVote;
        ReadyForVoteAt = now;
    }

    private void SetContent(PlanContent content)
    {
        var total = content.CostItems.Aggregate(0L, (sum, item) => checked(sum + item.AmountFen));
        if (content.Funding.TotalFen != total)
            throw new DomainRuleViolation("funding_does_not_match_total",
                $"资金筹措合计 {Yuan(content.Funding.TotalFen)} 元与造价估算合计 {Yuan(total)} 元不一致")
                .With("totalFen", total).With("fundingTotalFen", content.Funding.TotalFen);
        Title = content.Title.Trim();
        Design = content.Design.Trim();
        AfterCare = content.AfterCare.Trim();
        TotalFen = total;
        _costItems.Clear();
        _attachments.Clear();
        (GovernmentFen, UtilitiesFen, ResidentsFen, MaintenanceFundFen) = content.Funding;
        for (var i = 0; i < content.CostItems.Count; i++)
            _costItems.Add(new PlanCostItem(Id, i, content.CostItems[i].Name, content.CostItems[i].AmountFen));
        for (var i = 0; i < content.Attachments.Count; i++)
            _attachments.Add(new PlanAttachment(Id, i, content.Attachments[i].FileId, content.Attachments[i].Title));
    }

    private void Require(PlanState state, string code, string detail)
    {
        if (State != state)
            throw new DomainRuleViolation(code, detail, StatusCodes.Status409Conflict);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
