using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Common.Files;

/// <summary>An upload that passed the checks and is in the store: its true type and a safe display name.</summary>
public sealed record CheckedUpload(DetectedType Type, StoredContent Stored, string DisplayName);

/// <summary>
/// The rules every attachment upload follows: not empty, within the limit, PDF or image by its first bytes (never by
/// its name), and a display name whose extension tells the truth. Bytes of a request that fails are removed by
/// <see cref="DiscardUploadsOfFailedRequests"/>.
/// </summary>
public static class Uploads
{
    public static async Task<CheckedUpload> CheckAndStoreAsync(IFormFile file, long maxBytes, IFileStore store, CancellationToken ct)
    {
        if (file.Length == 0)
            throw AppProblem.BadRequest("file_empty", "上传的文件为空");
        if (file.Length > maxBytes)
            throw new AppProblem(StatusCodes.Status413PayloadTooLarge, "attachment_too_large",
                $"附件不能超过 {FormatSize(maxBytes)}").With("maxBytes", maxBytes);
        var type = await DetectAsync(file, ct) ?? throw new AppProblem(StatusCodes.Status415UnsupportedMediaType,
            "attachment_type_not_allowed", "只能上传 PDF 文件或 PNG、JPEG、WebP 图片");
        StoredContent stored;
        await using (var content = file.OpenReadStream())
            stored = await store.SaveAsync(content, ct);
        return new CheckedUpload(type, stored, DisplayName(file.FileName, type));
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
