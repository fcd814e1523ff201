using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Notices;

/// <summary>
/// A resident's one-time subscribe-message consents (一次性订阅) for one template: every accept allows one message,
/// every message sent uses one up. A ban (the user switched the template off) stops sending until a new accept.
/// </summary>
public sealed class SubscriptionConsent
{
    private SubscriptionConsent() { }

    public SubscriptionConsent(Guid userId, string templateId, DateTimeOffset now)
    {
        Id = Ids.New();
        UserId = userId;
        TemplateId = templateId;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string TemplateId { get; private set; } = "";
    public int Remaining { get; private set; }
    public bool Banned { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
}
