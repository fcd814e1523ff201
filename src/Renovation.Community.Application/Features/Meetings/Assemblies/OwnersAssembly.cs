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

    public static AppProblem ItemNotInNotice() => new DomainRuleViolation("assembly_item_not_in_notice",
        "业主大会不得对通知中未列明的事项作出决定；请另行召集业主大会并提前公告");
}
