namespace Renovation.Community.Application.Features.Notices;

/// <summary>A read receipt; one per resident and notice (unique index), so marking read twice changes nothing.</summary>
public sealed class NoticeRead
{
    private NoticeRead() { }

    public NoticeRead(Guid noticeId, Guid userId, DateTimeOffset now)
    {
        NoticeId = noticeId;
        UserId = userId;
        ReadAt = now;
    }

    public long Id { get; private set; }
    public Guid NoticeId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset ReadAt { get; private set; }
}
