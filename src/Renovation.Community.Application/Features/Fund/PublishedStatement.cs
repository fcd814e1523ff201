using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// A period statement as it was published (公示): the figures are frozen as JSON when published, so the file a notice
/// links to never changes afterwards. One per community and period (a unique index), whether the committee published
/// it or the yearly job did. Not audited: it is never changed, and the notice it links to records who published it.
/// </summary>
public sealed class PublishedStatement
{
    private PublishedStatement() { }

    public PublishedStatement(Guid communityId, DateOnly from, DateOnly to, string snapshot, long closingFen, bool yearly,
        Guid publishedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        CommunityId = communityId;
        From = from;
        To = to;
        Snapshot = snapshot;
        ClosingFen = closingFen;
        Yearly = yearly;
        PublishedBy = publishedBy;
        PublishedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    /// <summary>The <see cref="Statement"/> as JSON, exactly as published.</summary>
    public string Snapshot { get; private set; } = "";
    public long ClosingFen { get; private set; }
    /// <summary>Published by the yearly job rather than by a committee member.</summary>
    public bool Yearly { get; private set; }
    /// <summary>The committee member, or <see cref="Common.Authorization.SystemActor.Id"/> for the yearly job (null on rows
    /// published before the system had an id).</summary>
    public Guid? PublishedBy { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    public Guid NoticeId { get; private set; }

    public void Noticed(Guid noticeId) => NoticeId = noticeId;
}

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
