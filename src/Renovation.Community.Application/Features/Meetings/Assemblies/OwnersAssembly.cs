using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Features.Voting;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>
/// An owners' assembly meeting (业主大会会议). Its items are fixed by its notice: each is an Article 278 vote
/// created when the assembly is convened, and nothing may be added later.
/// </summary>
public sealed class OwnersAssembly : IAudited
{
    private readonly List<AssemblyItem> _items = [];

    private OwnersAssembly() { }

    public OwnersAssembly(Guid communityId, string title, string? place, string method, DateTimeOffset startsAt,
        DateTimeOffset endsAt, Guid? demandId, Guid convenedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        CommunityId = communityId;
        Title = title.Trim();
        Place = place?.Trim();
        Method = method.Trim();
        StartsAt = startsAt;
        EndsAt = endsAt;
        DemandId = demandId;
        ConvenedBy = convenedBy;
        ConvenedAt = now;
        if (endsAt <= startsAt)
            throw new DomainRuleViolation("assembly_period_invalid", "业主大会的表决截止时间必须晚于开始时间");
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public string Title { get; private set; } = "";
    public string? Place { get; private set; }
    /// <summary>How owners take part (集体讨论 / 书面征求意见 / 线上表决 …), as the notice says.</summary>
    public string Method { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    /// <summary>The owners' demand that made the committee convene it, when one did.</summary>
    public Guid? DemandId { get; private set; }
    public Guid ConvenedBy { get; private set; }
    public DateTimeOffset ConvenedAt { get; private set; }
    public Guid? NoticeId { get; private set; }
    public Guid? ResultsNoticeId { get; private set; }
    public DateTimeOffset? ResultsPublishedAt { get; private set; }
    public string? ResultsRecord { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }
    /// <summary>When the assembly was last moved (its fresh notice went out then); null when it was never moved.</summary>
    public DateTimeOffset? RescheduledAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<AssemblyItem> Items => _items;

    public void AddItem(string title, string? description, Matter matter, bool secret, Guid voteId) =>
        _items.Add(new AssemblyItem(Id, _items.Count + 1, title, description, matter, secret, voteId));

    public void NoticeSent(Guid noticeId) => NoticeId = noticeId;

    public void PublishResults(string record, Guid noticeId, DateTimeOffset now)
    {
        if (ResultsPublishedAt is not null)
            throw new DomainRuleViolation("results_already_published", "业主大会结果已经公布", StatusCodes.Status409Conflict);
        ResultsRecord = record;
        ResultsNoticeId = noticeId;
        ResultsPublishedAt = now;
        Version++;
    }

    /// <summary>
    /// Calls the assembly off before it starts. One that owners holding a fifth of the area and of the heads demanded
    /// must be held (national 物业管理条例 Art. 13): the committee cannot call it off; it may only move it.
    /// </summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        EnsureNotBegun(now);
        if (DemandId is not null)
            throw new DomainRuleViolation("demanded_assembly_cannot_be_cancelled",
                "该业主大会由专有部分面积和人数各 20% 以上的业主提议召开，业委会应当召集，不能取消；如时间有误，请改期并重新公告");
        CancelledAt = now;
        CancellationReason = reason.Trim();
        Version++;
    }

    /// <summary>Moves the whole voting period before it starts; the caller has checked the fresh 15-day notice.</summary>
    public void Reschedule(DateTimeOffset startsAt, DateTimeOffset endsAt, string? place, DateTimeOffset now)
    {
        EnsureNotBegun(now);
        if (endsAt <= startsAt)
            throw new DomainRuleViolation("assembly_period_invalid", "业主大会的表决截止时间必须晚于开始时间");
        StartsAt = startsAt;
        EndsAt = endsAt;
        if (!string.IsNullOrWhiteSpace(place))
            Place = place.Trim();
        RescheduledAt = now;
        Version++;
    }

    private void EnsureNotBegun(DateTimeOffset now)
    {
        if (CancelledAt is not null)
            throw Cancelled();
        if (now >= EndsAt)
            throw new DomainRuleViolation("assembly_already_finished", "业主大会已结束，不能取消或改期", StatusCodes.Status409Conflict);
        if (now >= StartsAt)
            throw new DomainRuleViolation("assembly_already_started", "业主大会已开始表决，不能取消或改期", StatusCodes.Status409Conflict);
    }

    public static AppProblem Cancelled() => new DomainRuleViolation("assembly_cancelled", "业主大会已取消", StatusCodes.Status409Conflict);

    public static AppProblem ItemNotInNotice() => new DomainRuleViolation("assembly_item_not_in_notice",
        "业主大会不得对通知中未列明的事项作出决定；请另行召集业主大会并提前公告");
}
