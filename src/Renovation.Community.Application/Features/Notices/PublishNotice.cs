using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Notices;

public sealed record PublishNoticeRequest(NoticeTargetKind TargetKind, Guid TargetId, string Title, string Body, bool Pinned,
    bool Emergency, DateTimeOffset? PublishAt, DateTimeOffset? ExpiresAt) : IValidatable
{
    public void Validate(Validator v)
    {
        if (!Enum.IsDefined(TargetKind))
            v.Add("targetKind", "通知对象应为 Street、Community 或 Building");
        v.NotEmpty(TargetId, "targetId", "通知对象");
        v.Text(Title, "title", "标题", Notice.MaxTitle).Text(Body, "body", "正文", Notice.MaxBody);
        if (Emergency && ExpiresAt is null)
            v.Add("expiresAt", "紧急通知必须设置失效时间");
        if (ExpiresAt is not null && PublishAt is not null && ExpiresAt <= PublishAt)
            v.Add("expiresAt", "失效时间必须晚于发布时间");
    }
}

public sealed record EditNoticeRequest(string Title, string Body, bool Pinned, DateTimeOffset? PublishAt, DateTimeOffset? ExpiresAt)
    : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(Title, "title", "标题", Notice.MaxTitle).Text(Body, "body", "正文", Notice.MaxBody);
        if (ExpiresAt is not null && PublishAt is not null && ExpiresAt <= PublishAt)
            v.Add("expiresAt", "失效时间必须晚于发布时间");
    }
}

public sealed record WithdrawNoticeRequest(string Reason) : IValidatable
{
    public void Validate(Validator v) => v.Text(Reason, "reason", "撤回原因", 500);
}

/// <summary>Publishing (now or at a time), editing with history, withdrawing.</summary>
public static class PublishNotice
{
    public static async Task<Created<NoticeView>> CreateAsync(PublishNoticeRequest request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var target = await NoticeAccess.RequireTargetAsync(access, db, request.TargetKind, request.TargetId, ct);
        var now = clock.GetUtcNow();
        var publishAt = request.PublishAt is { } at && at > now ? at : now;
        if (request.ExpiresAt is { } expires && expires <= publishAt)
            throw new Common.Errors.DomainRuleViolation("expiry_before_publication", "失效时间必须晚于发布时间");
        var notice = new Notice(target, request.Title, request.Body, request.Pinned, request.Emergency, publishAt,
            request.ExpiresAt, access.UserId, now);
        db.Notices.Add(notice);
        if (publishAt <= now)
        {
            notice.Publish(await NoticeAccess.Residents(db, target.Kind, target.Id).Distinct().CountAsync(ct), now);
            NoticeEvents.Emit(outbox, NoticeEvents.Published, notice);
        }
        else
        {
            NoticeEvents.Emit(outbox, NoticeEvents.Scheduled, notice);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/notices/{notice.Id}", NoticeView.From(notice, read: false));
    }

    public static async Task<Ok<NoticeView>> EditAsync(Guid id, EditNoticeRequest request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var notice = await db.LoadForPublisherAsync(id, access, ct);
        if (notice.State is NoticeState.Scheduled or NoticeState.Published
            && notice.WouldStayTheSame(request.Title, request.Body, request.Pinned, request.PublishAt, request.ExpiresAt))
            return TypedResults.Ok(NoticeView.From(notice, read: false));
        var now = clock.GetUtcNow();
        var previous = notice.Edit(request.Title, request.Body, request.Pinned, request.PublishAt, request.ExpiresAt,
            access.UserId, now);
        db.NoticeRevisions.Add(previous);
        NoticeEvents.Emit(outbox, notice.State == NoticeState.Scheduled ? NoticeEvents.Scheduled : NoticeEvents.Updated, notice);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NoticeView.From(notice, read: false));
    }

    public static async Task<Ok<NoticeView>> WithdrawAsync(Guid id, WithdrawNoticeRequest request, Access access,
        AppDbContext db, EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var notice = await db.LoadForPublisherAsync(id, access, ct);
        var wasScheduled = notice.State == NoticeState.Scheduled;
        notice.Withdraw(request.Reason.Trim(), clock.GetUtcNow());
        // Residents never saw a scheduled notice: only its publisher hears that it was called off.
        if (wasScheduled)
            outbox.Add(NoticeEvents.Withdrawn, Audience.User(notice.PublisherId), new { noticeId = notice.Id, notice.WithdrawalReason });
        else
            NoticeEvents.Emit(outbox, NoticeEvents.Withdrawn, notice);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NoticeView.From(notice, read: false));
    }
}
