using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Notices;

/// <summary>A wording the notice had before an edit (修改留痕).</summary>
public sealed class NoticeRevision
{
    private NoticeRevision() { }

    public NoticeRevision(Notice notice, Guid replacedBy, DateTimeOffset replacedAt)
    {
        Id = Ids.New();
        NoticeId = notice.Id;
        Revision = notice.Revision;
        Title = notice.Title;
        Body = notice.Body;
        Pinned = notice.Pinned;
        PublishAt = notice.PublishAt;
        ExpiresAt = notice.ExpiresAt;
        ReplacedBy = replacedBy;
        ReplacedAt = replacedAt;
    }

    public Guid Id { get; private set; }
    public Guid NoticeId { get; private set; }
    public int Revision { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public bool Pinned { get; private set; }
    public DateTimeOffset PublishAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public Guid ReplacedBy { get; private set; }
    public DateTimeOffset ReplacedAt { get; private set; }
}
