using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// The half-yearly disclosure reminder sent to a community's committee: one row per community and half-year under a
/// unique index, inserted with its event, so the reminder goes out once however often and wherever the sweep runs.
/// </summary>
public sealed class DisclosureReminder
{
    private DisclosureReminder() { }

    public DisclosureReminder(Guid communityId, DateOnly periodFrom, DateOnly periodTo, DateTimeOffset now)
    {
        Id = Ids.New();
        CommunityId = communityId;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        SentAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
