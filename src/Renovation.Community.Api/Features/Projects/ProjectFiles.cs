using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Api.Common.Errors;
using Renovation.Community.Api.Common.Files;
using Renovation.Community.Api.Data;
using Renovation.Community.Api.Features.Identity;

namespace Renovation.Community.Api.Features.Projects;

/// <summary>
/// Uploads (plan documents, drawings, progress photos) and downloads. PDF and images only, told by their first bytes;
/// the size limit is <c>Projects:MaxAttachmentBytes</c>.
/// </summary>
public static class ProjectFiles
{
    private static AppProblem FileNotFound() => AppProblem.NotFound("file_not_found", "文件不存在");

    public static async Task<Created<ProjectFileView>> UploadAsync(Guid id, IFormFile file, Access access, AppDbContext db,
        IFileStore store, IOptions<ProjectsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var project = await db.LoadProjectAsync(id, access, ct, Permission.ConveneRenovation, Permission.ManageRenovationLibrary);
        var limit = options.Value.MaxAttachmentBytes;
        if (file.Length == 0)
            throw AppProblem.BadRequest("file_empty", "上传的文件为空");
        if (file.Length > limit)
            throw new AppProblem(StatusCodes.Status413PayloadTooLarge, "attachment_too_large",
                $"附件不能超过 {FormatSize(limit)}").With("maxBytes", limit);

        var type = await DetectAsync(file, ct) ?? throw new AppProblem(StatusCodes.Status415UnsupportedMediaType,
            "attachment_type_not_allowed", "只能上传 PDF 文件或 PNG、JPEG、WebP 图片");
        StoredContent stored;
        await using (var content = file.OpenReadStream())
            stored = await store.SaveAsync(content, ct);

        var entity = new ProjectFile(id, project.CommunityId, DisplayName(file.FileName, type), type, stored, access.UserId,
            clock.GetUtcNow());
        db.ProjectFiles.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The row did not commit: the bytes must not stay behind as an orphan.
            await store.DeleteAsync(stored.Key, CancellationToken.None);
            throw;
        }
        return TypedResults.Created($"/api/v1/files/{entity.Id}", ProjectFileView.From(entity));
    }

    public static async Task<FileStreamHttpResult> DownloadAsync(Guid id, Access access, AppDbContext db, IFileStore store,
        HttpResponse response, CancellationToken ct)
    {
        var file = await db.ProjectFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw FileNotFound();
        await access.RequireAnyAsync(file.CommunityId, FileNotFound, ct);
        var content = await store.OpenReadAsync(file.StorageKey, ct) ?? throw FileNotFound();
        // The type came from the bytes; stop browsers from second-guessing it.
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(content, file.ContentType, file.FileName);
    }

    public static async Task<Ok<List<ProjectFileView>>> ListAsync(Guid id, Access access, AppDbContext db, CancellationToken ct)
    {
        await db.LoadProjectAsync(id, access, ct);
        var files = await db.ProjectFiles.AsNoTracking().Where(f => f.ProjectId == id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
        return TypedResults.Ok(files.Select(ProjectFileView.From).ToList());
    }

    private static async Task<DetectedType?> DetectAsync(IFormFile file, CancellationToken ct)
    {
        var head = new byte[FileSignature.BytesNeeded];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return FileSignature.Detect(head.AsSpan(0, read));
    }

    /// <summary>Keeps the uploader's name for display but makes its extension tell the truth about the content.</summary>
    private static string DisplayName(string? uploaded, DetectedType type)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(uploaded ?? ""));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
            name = "附件";
        if (name.Length > 150)
            name = name[..150];
        return name + type.Extension;
    }

    private static string FormatSize(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MB"
        : $"{bytes} 字节";
}
