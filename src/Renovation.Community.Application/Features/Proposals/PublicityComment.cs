using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Proposals;

public enum CommentKind
{
    /// <summary>An opinion or suggestion (意见建议).</summary>
    Comment = 0,
    /// <summary>An objection (异议): the convener must answer it before the plan can go to a vote.</summary>
    Objection = 1,
}

public enum Moderation
{
    Published = 0,
    /// <summary>The content check asked for a person to look first; only the author and staff see it.</summary>
    Held = 1,
    /// <summary>Held and then refused by a moderator; no longer counts as an objection.</summary>
    Rejected = 2,
}

/// <summary>Why a comment was held; the author is told (<see cref="CommentView.ModerationNote"/>).</summary>
public enum HoldReason
{
    /// <summary>WeChat's content check asked for a person to look (msgSecCheck suggest "review").</summary>
    ContentReview = 1,
    /// <summary>The content check could not answer, so the text waits for a person instead of being published unchecked.</summary>
    CheckUnavailable = 2,
}

/// <summary>A resident's comment or objection on a plan during its publicity period, and the convener's answer.</summary>
public sealed class PublicityComment : IAudited
{
    private PublicityComment() { }

    public PublicityComment(Guid planId, Guid projectId, Guid communityId, Guid unitId, Guid authorUserId, CommentKind kind,
        string text, Moderation moderation, string? clientKey, DateTimeOffset now, HoldReason? holdReason = null)
    {
        Id = Ids.New();
        PlanId = planId;
        ProjectId = projectId;
        CommunityId = communityId;
        UnitId = unitId;
        AuthorUserId = authorUserId;
        Kind = kind;
        Text = text.Trim();
        Moderation = moderation;
        HoldReason = moderation == Moderation.Held ? holdReason ?? Proposals.HoldReason.ContentReview : null;
        ClientKey = clientKey;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid CommunityId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid AuthorUserId { get; private set; }
    public CommentKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public Moderation Moderation { get; private set; }
    public HoldReason? HoldReason { get; private set; }
    /// <summary>The client's Idempotency-Key: a retried post returns the first one instead of adding a second.</summary>
    public string? ClientKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? Answer { get; private set; }
    public Guid? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public Guid? ModeratedBy { get; private set; }
    public DateTimeOffset? ModeratedAt { get; private set; }

    public void AnswerWith(string answer, Guid by, DateTimeOffset now)
    {
        if (AnsweredAt is not null)
            throw new DomainRuleViolation("comment_already_answered", "该意见已答复", StatusCodes.Status409Conflict);
        if (Moderation == Moderation.Rejected)
            throw new DomainRuleViolation("comment_rejected", "该意见未通过审核，无需答复", StatusCodes.Status409Conflict);
        Answer = answer.Trim();
        AnsweredBy = by;
        AnsweredAt = now;
    }

    public void Moderate(bool publish, Guid by, DateTimeOffset now)
    {
        if (Moderation != Moderation.Held)
            throw new DomainRuleViolation("comment_not_held", "该意见不在待审核状态", StatusCodes.Status409Conflict);
        Moderation = publish ? Moderation.Published : Moderation.Rejected;
        ModeratedBy = by;
        ModeratedAt = now;
    }
}
