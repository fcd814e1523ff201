using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// A resident's complaint about a completed order (投诉), at most one per order (unique index), within
/// <c>Services:DisputeDays</c> of completion; the company answers it once. Committees see them per company.
/// </summary>
public sealed class ServiceDispute : IAudited
{
    public const int MaxText = 500;

    private ServiceDispute() { }

    public ServiceDispute(ServiceOrder order, string text, DateTimeOffset now)
    {
        Id = Ids.New();
        OrderId = order.Id;
        CompanyId = order.CompanyId;
        CommunityId = order.CommunityId;
        ResidentUserId = order.ResidentUserId;
        Text = text.Trim();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid CommunityId { get; private set; }
    public Guid ResidentUserId { get; private set; }
    public string Text { get; private set; } = "";
    public string? Answer { get; private set; }
    public Guid? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void AnswerWith(string answer, Guid staffId, DateTimeOffset now)
    {
        if (Answer is not null)
            throw new DomainRuleViolation("dispute_already_answered", "该投诉已答复", StatusCodes.Status409Conflict);
        Answer = answer.Trim();
        AnsweredBy = staffId;
        AnsweredAt = now;
        Version++;
    }
}
