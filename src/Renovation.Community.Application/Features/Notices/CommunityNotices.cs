using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Notices;

/// <summary>
/// The public surface Notices offers features that must tell a community something as an ordinary notice (meeting
/// notices, minutes, assembly results). The caller has already checked that its user may act in the community; the
/// notice is added to the caller's unit of work and published when the caller saves, with the usual events, read
/// receipts, attachments and subscribe messages.
/// </summary>
public static class CommunityNotices
{
    public static async Task<Guid> PublishAsync(AppDbContext db, EventOutbox outbox, Guid communityId, string title, string body,
        Guid publisherId, DateTimeOffset now, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId)
            .Select(c => new { c.StreetId, c.Name }).SingleAsync(ct);
        var target = new NoticeTarget(NoticeTargetKind.Community, communityId, community.StreetId, communityId, community.Name);
        var notice = new Notice(target, Clip(title, Notice.MaxTitle), Clip(body, Notice.MaxBody), pinned: false, emergency: false,
            now, expiresAt: null, publisherId, now);
        db.Notices.Add(notice);
        notice.Publish(await NoticeAccess.Residents(db, target.Kind, target.Id).Distinct().CountAsync(ct), now);
        NoticeEvents.Emit(outbox, NoticeEvents.Published, notice);
        return notice.Id;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
