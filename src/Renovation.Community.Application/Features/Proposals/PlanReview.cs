using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Proposals;

public enum ReviewDecision
{
    Pending = 0,
    Approved = 1,
    ChangesRequested = 2,
}

/// <summary>
/// One department's part of the joint review (联合审查) of one plan version. Departments have no accounts of their
/// own: the renovation office names the department and the city-admin user who records its opinion (a department's
/// liaison can be given a district-scoped city-admin role for that).
/// </summary>
public sealed class PlanReview : IAudited
{
    private PlanReview() { }

    public PlanReview(Guid planId, Guid communityId, string department, Guid reviewerUserId, Guid assignedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        PlanId = planId;
        CommunityId = communityId;
        Department = department.Trim();
        ReviewerUserId = reviewerUserId;
        AssignedBy = assignedBy;
        AssignedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid CommunityId { get; private set; }
    /// <summary>The reviewing department, e.g. "住建局", "自然资源和规划局", "消防救援大队".</summary>
    public string Department { get; private set; } = "";
    public Guid ReviewerUserId { get; private set; }
    public Guid AssignedBy { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    public ReviewDecision Decision { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public void Decide(ReviewDecision decision, string? comment, DateTimeOffset now)
    {
        if (Decision != ReviewDecision.Pending)
            throw new DomainRuleViolation("review_already_decided", "该部门已出具审查意见", StatusCodes.Status409Conflict);
        if (decision == ReviewDecision.Pending)
            throw new DomainRuleViolation("review_decision_invalid", "请选择同意或要求修改");
        if (decision == ReviewDecision.ChangesRequested && string.IsNullOrWhiteSpace(comment))
            throw new DomainRuleViolation("review_comment_required", "要求修改时须填写修改意见");
        Decision = decision;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        DecidedAt = now;
    }
}
