using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Projects;

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
        var upload = await Uploads.CheckAndStoreAsync(file, options.Value.MaxAttachmentBytes, store, ct);
        var entity = new ProjectFile(id, project.CommunityId, upload.DisplayName, upload.Type, upload.Stored, access.UserId,
            clock.GetUtcNow());
        db.ProjectFiles.Add(entity);
        await db.SaveChangesAsync(ct);
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
}
