using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Notices;

/// <summary>Where a notice goes: every resident bound to a unit in the street, the community or the building.</summary>
public enum NoticeTargetKind
{
    Street = 0,
    Community = 1,
    Building = 2,
}

public enum NoticeState
{
    /// <summary>Waiting for <see cref="Notice.PublishAt"/>; only its publishers see it.</summary>
    Scheduled = 0,
    Published = 1,
    Withdrawn = 2,
    Expired = 3,
}

/// <summary>
/// A notice (通知公告) from a street office, an owners' committee or a property company. Edits keep the previous
/// wording as a <see cref="NoticeRevision"/>; withdrawal and expiry end it without deleting anything.
/// </summary>
public sealed class Notice : IAudited
{
    public const int MaxTitle = 100;
    public const int MaxBody = 10000;

    private Notice() { }

    public Notice(NoticeTarget target, string title, string body, bool pinned, bool emergency,
        DateTimeOffset publishAt, DateTimeOffset? expiresAt, Guid publisherId, DateTimeOffset now)
    {
        Id = Ids.New();
        TargetKind = target.Kind;
        TargetId = target.Id;
        StreetId = target.StreetId;
        CommunityId = target.CommunityId;
        TargetName = target.Name;
        Emergency = emergency;
        PublisherId = publisherId;
        CreatedAt = now;
        State = NoticeState.Scheduled;
        Revision = 1;
        Apply(title, body, pinned, publishAt, expiresAt, now);
    }

    public Guid Id { get; private set; }
    public NoticeTargetKind TargetKind { get; private set; }
    /// <summary>The street, community or building id, by <see cref="TargetKind"/>.</summary>
    public Guid TargetId { get; private set; }
    public Guid StreetId { get; private set; }
    /// <summary>Null for a street notice.</summary>
    public Guid? CommunityId { get; private set; }
    public string TargetName { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public bool Pinned { get; private set; }
    /// <summary>Emergency notices (停水停电、燃气抢修…) must say when they stop applying.</summary>
    public bool Emergency { get; private set; }
    public DateTimeOffset PublishAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public NoticeState State { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? WithdrawalReason { get; private set; }
    /// <summary>Residents bound to a unit in the target when the notice was published.</summary>
    public int TargetedCount { get; private set; }
    public int Revision { get; private set; }
    /// <summary>Concurrency token: the sweep, an edit and a withdrawal never overwrite each other.</summary>
    public int Version { get; private set; }
    public Guid PublisherId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsLive(DateTimeOffset now) => State == NoticeState.Published && (ExpiresAt is null || ExpiresAt > now);

    public void Publish(int targeted, DateTimeOffset now)
    {
        if (State != NoticeState.Scheduled)
            throw new DomainRuleViolation("notice_not_scheduled", "该通知已发布或已结束");
        State = NoticeState.Published;
        PublishedAt = now;
        TargetedCount = targeted;
        Version++;
    }

    /// <summary>
    /// True when an edit would leave the notice as it is: a repeated or double-tapped edit then makes no revision and
    /// no event, so N identical edits at once have the effect of one.
    /// </summary>
    public bool WouldStayTheSame(string title, string body, bool pinned, DateTimeOffset? publishAt, DateTimeOffset? expiresAt) =>
        Title == title.Trim() && Body == body.Trim() && Pinned == pinned && (publishAt is null || Same(PublishAt, publishAt))
        && (ExpiresAt is null ? expiresAt is null : Same(ExpiresAt, expiresAt));

    /// <summary>Stored times lose sub-millisecond digits on SQLite, so a repeated time is compared to the millisecond.</summary>
    private static bool Same(DateTimeOffset? stored, DateTimeOffset? requested) =>
        stored is { } s && requested is { } r && Math.Abs((s - r).Ticks) < TimeSpan.TicksPerMillisecond;

    /// <summary>Changes the wording; the previous one is returned to be kept as a revision.</summary>
    public NoticeRevision Edit(string title, string body, bool pinned, DateTimeOffset? publishAt, DateTimeOffset? expiresAt,
        Guid editorId, DateTimeOffset now)
    {
        if (State is NoticeState.Withdrawn or NoticeState.Expired)
            throw new DomainRuleViolation("notice_ended", "已撤回或已过期的通知不能再修改");
        if (publishAt is not null && State != NoticeState.Scheduled && publishAt != PublishAt)
            throw new DomainRuleViolation("notice_already_published", "通知已发布，不能再修改发布时间");
        var previous = new NoticeRevision(this, editorId, now);
        Apply(title, body, pinned, State == NoticeState.Scheduled ? publishAt ?? PublishAt : PublishAt, expiresAt, now);
        Revision++;
        Version++;
        return previous;
    }

    public void Withdraw(string reason, DateTimeOffset now)
    {
        if (State is NoticeState.Withdrawn or NoticeState.Expired)
            throw new DomainRuleViolation("notice_ended", "该通知已撤回或已过期");
        State = NoticeState.Withdrawn;
        WithdrawalReason = reason;
        EndedAt = now;
        Version++;
    }

    public void Expire(DateTimeOffset now)
    {
        if (State != NoticeState.Published)
            throw new DomainRuleViolation("notice_not_published", "只有已发布的通知会过期");
        State = NoticeState.Expired;
        EndedAt = now;
        Version++;
    }

    private void Apply(string title, string body, bool pinned, DateTimeOffset publishAt, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (Emergency && expiresAt is null)
            throw new DomainRuleViolation("emergency_needs_expiry", "紧急通知必须设置失效时间");
        if (expiresAt is not null && expiresAt <= (State == NoticeState.Scheduled ? publishAt : now))
            throw new DomainRuleViolation("expiry_before_publication", "失效时间必须晚于发布时间");
        Title = title.Trim();
        Body = body.Trim();
        Pinned = pinned;
        PublishAt = publishAt;
        ExpiresAt = expiresAt;
    }
}

/// <summary>Where a notice is aimed, resolved and checked against the publisher's scope.</summary>
public sealed record NoticeTarget(NoticeTargetKind Kind, Guid Id, Guid StreetId, Guid? CommunityId, string Name);
