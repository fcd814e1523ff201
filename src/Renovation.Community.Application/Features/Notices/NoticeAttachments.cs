using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Notices;

public sealed record NoticeAttachmentView(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256)
{
    public static NoticeAttachmentView From(NoticeAttachment a) => new(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256);
}

/// <summary>PDF and image attachments, typed by their first bytes; readable by whoever can read the notice.</summary>
public static class NoticeAttachments
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static async Task<Created<NoticeAttachmentView>> UploadAsync(Guid id, IFormFile file, Access access, AppDbContext db,
        IFileStore store, TimeProvider clock, CancellationToken ct)
    {
        var notice = await db.LoadForPublisherAsync(id, access, ct);
        if (notice.State is NoticeState.Withdrawn or NoticeState.Expired)
            throw new DomainRuleViolation("notice_ended", "已撤回或已过期的通知不能再添加附件");
        var upload = await Uploads.CheckAndStoreAsync(file, MaxBytes, store, ct);
        var attachment = new NoticeAttachment(id, upload.DisplayName, upload.Type.ContentType, upload.Stored, access.UserId,
            clock.GetUtcNow());
        db.NoticeAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/notices/{id}/attachments/{attachment.Id}", NoticeAttachmentView.From(attachment));
    }

    public static async Task<Ok<List<NoticeAttachmentView>>> ListAsync(Guid id, Access access, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        await db.LoadForReaderAsync(id, access, clock, ct);
        var list = await db.NoticeAttachments.AsNoTracking().Where(a => a.NoticeId == id).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        return TypedResults.Ok(list.Select(NoticeAttachmentView.From).ToList());
    }

    public static async Task<FileStreamHttpResult> DownloadAsync(Guid id, Guid attachmentId, Access access, AppDbContext db,
        IFileStore store, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        await db.LoadForReaderAsync(id, access, clock, ct);
        var a = await db.NoticeAttachments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == attachmentId && x.NoticeId == id, ct)
            ?? throw AppProblem.NotFound("file_not_found", "文件不存在");
        var content = await store.OpenReadAsync(a.StorageKey, ct) ?? throw AppProblem.NotFound("file_not_found", "文件不存在");
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(content, a.ContentType, a.FileName);
    }
}
