using Renovation.Community.Application.Common.Events;

namespace Renovation.Community.Application.Features.Notices;

/// <summary>
/// Every state change of a notice is an outbox event. Residents' states (published, updated, withdrawn, expired) go to
/// the target audience; a scheduled notice is announced only to its publisher, so its content does not reach
/// residents before its time.
/// </summary>
public static class NoticeEvents
{
    public const string Scheduled = "notice.scheduled";
    public const string Published = "notice.published";
    public const string Updated = "notice.updated";
    public const string Withdrawn = "notice.withdrawn";
    public const string Expired = "notice.expired";

    public static void Emit(EventOutbox outbox, string kind, Notice n)
    {
        var audience = kind == Scheduled ? Audience.User(n.PublisherId) : NoticeAccess.AudienceOf(n);
        outbox.Add(kind, audience, new
        {
            noticeId = n.Id,
            n.Title,
            targetKind = n.TargetKind,
            targetId = n.TargetId,
            n.TargetName,
            n.Pinned,
            n.Emergency,
            n.PublishAt,
            n.PublishedAt,
            n.ExpiresAt,
            n.Revision,
            n.WithdrawalReason,
        });
    }
}
