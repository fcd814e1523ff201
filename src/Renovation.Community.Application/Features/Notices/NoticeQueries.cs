using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Notices;

public sealed record NoticeView(Guid Id, NoticeTargetKind TargetKind, Guid TargetId, string TargetName, string Title, string Body,
    bool Pinned, bool Emergency, NoticeState State, DateTimeOffset PublishAt, DateTimeOffset? PublishedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? EndedAt, string? WithdrawalReason, int Revision, bool Read)
{
    public static NoticeView From(Notice n, bool read) => new(n.Id, n.TargetKind, n.TargetId, n.TargetName, n.Title, n.Body,
        n.Pinned, n.Emergency, n.State, n.PublishAt, n.PublishedAt, n.ExpiresAt, n.EndedAt, n.WithdrawalReason, n.Revision, read);
}

/// <summary>
/// What a publisher sees about reach. <c>Delivered</c> counts residents known to have received the notice: WeChat
/// accepted a subscribe message for them, or they sent a read receipt (live hub pushes are not acknowledged).
/// </summary>
public sealed record NoticeStats(Guid NoticeId, int Targeted, int Delivered, int Read, int SubscribeMessagesSent);

public sealed record NoticeRevisionView(int Revision, string Title, string Body, bool Pinned, DateTimeOffset PublishAt,
    DateTimeOffset? ExpiresAt, Guid ReplacedBy, DateTimeOffset ReplacedAt);

public static class NoticeQueries
{
    /// <summary>The caller's notices: published, not expired, for a street, community or building of one of their units.</summary>
    public static async Task<Ok<Page<NoticeView>>> FeedAsync([AsParameters] PageRequest paging, Access access, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        var now = clock.GetUtcNow();
        var userId = scope.UserId;
        var streets = scope.Units.Select(u => u.StreetId).Distinct().ToList();
        var communities = scope.Units.Select(u => u.CommunityId).Distinct().ToList();
        var buildings = scope.Units.Select(u => u.BuildingId).Distinct().ToList();
        var query = db.Notices.AsNoTracking()
            .Where(n => n.State == NoticeState.Published && (n.ExpiresAt == null || n.ExpiresAt > now))
            .Where(n => (n.TargetKind == NoticeTargetKind.Street && streets.Contains(n.TargetId))
                || (n.TargetKind == NoticeTargetKind.Community && communities.Contains(n.TargetId))
                || (n.TargetKind == NoticeTargetKind.Building && buildings.Contains(n.TargetId)))
            .OrderByDescending(n => n.Pinned).ThenByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Select(n => new { Notice = n, Read = db.NoticeReads.Any(r => r.NoticeId == n.Id && r.UserId == userId) });
        var page = await query.ToPageAsync(paging, ct);
        return TypedResults.Ok(new Page<NoticeView>(page.Items.Select(x => NoticeView.From(x.Notice, x.Read)).ToList(),
            page.PageNumber, page.PageSize, page.Total));
    }

    /// <summary>Every notice aimed at the community or its buildings, in any state (its publishers).</summary>
    public static async Task<Ok<Page<NoticeView>>> ForCommunityAsync(Guid communityId, [AsParameters] PageRequest paging,
        Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.PublishNotices, ct);
        var page = await db.Notices.AsNoTracking().Where(n => n.CommunityId == communityId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).ToPageAsync(paging, ct);
        return TypedResults.Ok(new Page<NoticeView>(page.Items.Select(n => NoticeView.From(n, false)).ToList(),
            page.PageNumber, page.PageSize, page.Total));
    }

    public static async Task<Ok<NoticeView>> GetAsync(Guid id, Access access, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var notice = await db.LoadForReaderAsync(id, access, clock, ct);
        var read = await db.NoticeReads.AnyAsync(r => r.NoticeId == id && r.UserId == access.UserId, ct);
        return TypedResults.Ok(NoticeView.From(notice, read));
    }

    /// <summary>Read receipt. Idempotent: the unique index keeps one per resident, a repeat answers the same.</summary>
    public static async Task<NoContent> MarkReadAsync(Guid id, Access access, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var notice = await db.LoadForReaderAsync(id, access, clock, ct);
        if (!NoticeAccess.IsReader(await access.ScopeAsync(ct), notice) || notice.State != NoticeState.Published)
            throw new DomainRuleViolation("not_a_recipient", "只有通知对象范围内的居民可以回执已读");
        if (await db.NoticeReads.AnyAsync(r => r.NoticeId == id && r.UserId == access.UserId, ct))
            return TypedResults.NoContent();
        db.NoticeReads.Add(new NoticeRead(id, access.UserId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e))
        {
            // A concurrent receipt from the same resident won; the outcome is the same.
        }
        return TypedResults.NoContent();
    }

    public static async Task<Ok<NoticeStats>> StatsAsync(Guid id, Access access, AppDbContext db, CancellationToken ct)
    {
        var notice = await db.LoadForPublisherAsync(id, access, ct);
        var targeted = notice.State == NoticeState.Scheduled
            ? await NoticeAccess.Residents(db, notice.TargetKind, notice.TargetId).Distinct().CountAsync(ct)
            : notice.TargetedCount;
        var readers = db.NoticeReads.Where(r => r.NoticeId == id).Select(r => r.UserId);
        var messaged = db.SubscribeDeliveries.Where(d => d.SubjectId == id && d.State == DeliveryState.Sent).Select(d => d.UserId);
        var read = await readers.CountAsync(ct);
        var sent = await messaged.CountAsync(ct);
        var delivered = await readers.Union(messaged).CountAsync(ct);
        return TypedResults.Ok(new NoticeStats(id, targeted, delivered, read, sent));
    }

    public static async Task<Ok<List<NoticeRevisionView>>> RevisionsAsync(Guid id, Access access, AppDbContext db,
        CancellationToken ct)
    {
        await db.LoadForPublisherAsync(id, access, ct);
        var revisions = await db.NoticeRevisions.AsNoTracking().Where(r => r.NoticeId == id).OrderBy(r => r.Revision)
            .Select(r => new NoticeRevisionView(r.Revision, r.Title, r.Body, r.Pinned, r.PublishAt, r.ExpiresAt, r.ReplacedBy, r.ReplacedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(revisions);
    }
}
