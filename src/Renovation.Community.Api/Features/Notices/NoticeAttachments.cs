using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Api.Common.Errors;
using Renovation.Community.Api.Common.Files;
using Renovation.Community.Api.Data;
using Renovation.Community.Api.Features.Identity;

namespace Renovation.Community.Api.Features.Notices;

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
        if (file.Length == 0)
            throw AppProblem.BadRequest("file_empty", "上传的文件为空");
        if (file.Length > MaxBytes)
            throw new AppProblem(StatusCodes.Status413PayloadTooLarge, "attachment_too_large", "附件不能超过 20 MB").With("maxBytes", MaxBytes);
        var head = new byte[FileSignature.BytesNeeded];
        int read;
        await using (var peek = file.OpenReadStream())
            read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var type = FileSignature.Detect(head.AsSpan(0, read)) ?? throw new AppProblem(StatusCodes.Status415UnsupportedMediaType,
            "attachment_type_not_allowed", "只能上传 PDF 文件或 PNG、JPEG、WebP 图片");
        StoredContent stored;
        await using (var content = file.OpenReadStream())
            stored = await store.SaveAsync(content, ct);
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(file.FileName ?? ""));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        name = (name.Length == 0 ? "附件" : name.Length > 150 ? name[..150] : name) + type.Extension;
        var attachment = new NoticeAttachment(id, name, type.ContentType, stored, access.UserId, clock.GetUtcNow());
        db.NoticeAttachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await store.DeleteAsync(stored.Key, CancellationToken.None);
            throw;
        }
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
