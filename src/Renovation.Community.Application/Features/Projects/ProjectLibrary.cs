using Microsoft.AspNetCore.Http.HttpResults;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Concurrency;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Projects;

public sealed record PlanProjectYear(int Year, int? ExpectedVersion) : IValidatable
{
    public void Validate(Validator v) => v.Range(Year, 2000, 2100, "year", "计划年度应为四位年份");
}

/// <summary>The renovation office's project library (项目库): admission of qualifying projects and the annual plan.</summary>
public static class ProjectLibrary
{
    public static async Task<Ok<ProjectView>> AdmitAsync(Guid id, Access access, AppDbContext db, EventOutbox outbox,
        TimeProvider clock, IProjectPlans plans, CancellationToken ct)
    {
        var project = await db.LoadProjectAsync(id, access, ct, Permission.ManageRenovationLibrary);
        project.Admit(await db.QualificationOfAsync(project, ct), access.UserId, clock.GetUtcNow());
        outbox.Publish("project.admitted", project.CommunityId, project.StreetId, new { projectId = id, state = project.State });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewOfAsync(project, plans, ct));
    }

    public static async Task<Ok<ProjectView>> PlanYearAsync(Guid id, PlanProjectYear request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, IProjectPlans plans, CancellationToken ct)
    {
        var project = await db.LoadProjectAsync(id, access, ct, Permission.ManageRenovationLibrary);
        db.ExpectVersion(project, request.ExpectedVersion, p => p.Version);
        var now = clock.GetUtcNow();
        project.PlanInto(request.Year, now.ToChina().Year, now);
        outbox.Publish("project.scheduled", project.CommunityId, project.StreetId,
            new { projectId = id, plannedYear = project.PlannedYear, state = project.State });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewOfAsync(project, plans, ct));
    }
}
