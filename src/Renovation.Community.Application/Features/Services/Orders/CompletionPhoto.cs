using Microsoft.AspNetCore.Http.HttpResults;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// Staff complete an order with a photo of the work (完工照片); its resident and the company's staff can read it. The
/// photo goes through the shared upload checks (image by its first bytes, size limit). Nothing stays on disk unless
/// the completion succeeds: the order's state is checked before any byte is stored, and a completion refused after
/// storing (wrong type, or another staff member completed it first) has its file removed by
/// <see cref="DiscardUploadsOfFailedRequests"/>, as no row refers to it.
/// </summary>
public static class CompletionPhoto
{
    public static async Task<Ok<ServiceOrderView>> CompleteAsync(Guid id, IFormFile file, Access access, AppDbContext db,
        OrderMoves moves, IFileStore store, CancellationToken ct)
    {
        (await db.LoadOrderForStaffAsync(id, access, ct)).RequireInService();
        var upload = await Uploads.CheckAndStoreAsync(file, Catalogue.MaxPhotoBytes, store, ct);
        if (upload.Type.Kind != FileKind.Image)
            throw new AppProblem(StatusCodes.Status415UnsupportedMediaType, "photo_type_not_allowed", "完工照片只能是 PNG、JPEG 或 WebP 图片");
        return TypedResults.Ok(await moves.MoveAsync((d, c) => d.LoadOrderForStaffAsync(id, access, c),
            (o, now) => o.Complete(now, upload.Stored.Key, upload.Type.ContentType), ServiceEvents.Completed, ct));
    }

    /// <summary>Its resident and the company's staff; everyone else gets 404 like for the order itself.</summary>
    public static async Task<FileStreamHttpResult> DownloadAsync(Guid id, Access access, AppDbContext db, IFileStore store,
        CancellationToken ct)
    {
        var order = await db.LoadOrderForReaderAsync(id, access, ct);
        if (order.CompletionPhotoKey is not { } key)
            throw NotFound();
        var content = await store.OpenReadAsync(key, ct) ?? throw NotFound();
        return TypedResults.Stream(content, order.CompletionPhotoType ?? "application/octet-stream");
    }

    private static AppProblem NotFound() => AppProblem.NotFound("completion_photo_not_found", "该订单没有完工照片");
}
