using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Projects;

public sealed record RecordProgress(int Percent, string? Notes, IReadOnlyList<Guid>? PhotoFileIds) : IValidatable
{
    public const int MaxPhotos = 10;

    public void Validate(Validator v)
    {
        v.Range(Percent, 0, RenovationProject.MaxProgressPercent, "percent", "进度应在 0 到 100 之间")
            .Text(Notes, "notes", "进度说明", 2000, required: false);
        if (PhotoFileIds is { Count: > MaxPhotos })
            v.Add("photoFileIds", $"每次最多上传 {MaxPhotos} 张照片");
        if (PhotoFileIds is not null && PhotoFileIds.Distinct().Count() != PhotoFileIds.Count)
            v.Add("photoFileIds", "照片不能重复");
    }
}

public sealed record AcceptCompletion([property: Required] IReadOnlyList<string>? Representatives, string? Notes) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(Notes, "notes", "验收意见", 2000, required: false);
        if (Representatives is null || Representatives.Count == 0)
            v.Add("representatives", "请填写参加验收的居民代表");
        else if (Representatives.Any(r => string.IsNullOrWhiteSpace(r) || r.Trim().Length > 32 || r.Contains('、')))
            v.Add("representatives", "居民代表姓名不能为空，不超过 32 个字");
        else if (Representatives.Count > 20)
            v.Add("representatives", "居民代表不超过 20 人");
    }
}

/// <summary>After the plan: the renovation office records the works' progress and the completion acceptance.</summary>
public static class Implementation
{
    public static async Task<Created<ProgressView>> RecordProgressAsync(Guid id, RecordProgress request, Access access,
        AppDbContext db, EventOutbox outbox, TimeProvider clock, IProjectPlans plans, CancellationToken ct)
    {
        var project = await db.LoadProjectAsync(id, access, ct, Permission.ManageRenovationLibrary);
        var photos = request.PhotoFileIds ?? [];
        var images = await db.ProjectFiles.CountAsync(f => f.ProjectId == id && f.Kind == FileKind.Image && photos.Contains(f.Id), ct);
        if (images != photos.Count)
            throw new DomainRuleViolation("photo_not_found", "照片不存在，或不是本项目上传的图片");
        var planPublicised = await plans.PublicisedAsync(id, ct);

        var now = clock.GetUtcNow();
        project.RecordProgress(request.Percent, planPublicised, now);
        var entry = new ProgressEntry(id, request.Percent, request.Notes, photos, access.UserId, now);
        db.ProgressEntries.Add(entry);
        outbox.Publish("project.progress_recorded", project.CommunityId, project.StreetId,
            new { projectId = id, percent = entry.Percent, state = project.State });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/projects/{id}/progress", View(entry));
    }

    public static async Task<Ok<List<ProgressView>>> ListProgressAsync(Guid id, Access access, AppDbContext db, CancellationToken ct)
    {
        await db.LoadProjectAsync(id, access, ct);
        var entries = await db.ProgressEntries.AsNoTracking().Where(e => e.ProjectId == id)
            .OrderBy(e => e.RecordedAt).ToListAsync(ct);
        return TypedResults.Ok(entries.Select(View).ToList());
    }

    public static async Task<Ok<ProjectView>> AcceptAsync(Guid id, AcceptCompletion request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, IProjectPlans plans, CancellationToken ct)
    {
        var project = await db.LoadProjectAsync(id, access, ct, Permission.ManageRenovationLibrary);
        project.Accept(request.Representatives!, request.Notes, access.UserId, clock.GetUtcNow());
        outbox.Publish("project.completed", project.CommunityId, project.StreetId, new { projectId = id, state = project.State });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewOfAsync(project, plans, ct));
    }

    private static ProgressView View(ProgressEntry e) => new(e.Id, e.Percent, e.Notes, e.PhotoFileIds, e.RecordedAt);
}
