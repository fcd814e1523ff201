using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Concurrency;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Projects;

/// <summary>Intake: the street opens a project for a community and records the basic-facility survey.</summary>
public static class FacilitySurvey
{
    /// <summary>The renovation programme targets communities built before 2000 (domain rules section 2).</summary>
    public const int TargetBuiltBefore = 2000;

    public static void ValidateItems(IReadOnlyList<FacilityItem>? items, Validator v)
    {
        if (items is null)
            v.Add("facilityProblems", "请填写存在问题的基础设施（可为空列表）");
        else if (items.Any(i => !Enum.IsDefined(i)))
            v.Add("facilityProblems", "基础设施类别无效");
        else if (items.Distinct().Count() != items.Count)
            v.Add("facilityProblems", "基础设施类别不能重复");
    }

    public static async Task<Created<ProjectView>> OpenAsync(OpenProject request, Access access, AppDbContext db,
        EventOutbox outbox, IOptions<ProjectsOptions> options, TimeProvider clock, IProjectPlans plans, CancellationToken ct)
    {
        var place = await access.RequireAsync(request.CommunityId, Permission.ConveneRenovation, ct);
        var builtYear = await db.Communities.Where(c => c.Id == place.Id).Select(c => c.BuiltYear).SingleAsync(ct);
        if (builtYear >= TargetBuiltBefore)
            throw new DomainRuleViolation("community_not_eligible", $"{TargetBuiltBefore} 年以后建成的小区不属于老旧小区改造范围");
        if (await db.Projects.AnyAsync(p => p.CommunityId == place.Id && p.State != ProjectState.Completed, ct))
            throw AppProblem.Conflict("project_exists", "该小区已有进行中的改造项目");

        var settings = options.Value;
        var project = new RenovationProject(place.Id, place.StreetId, request.Title, request.FacilityProblems!,
            request.FacilityNotes, settings.ConsentNumerator, settings.ConsentDenominator, access.UserId, clock.GetUtcNow());
        db.Projects.Add(project);
        outbox.Publish("project.opened", place.Id, place.StreetId, new { projectId = project.Id, communityId = place.Id, project.Title });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/projects/{project.Id}", await db.ViewOfAsync(project, plans, ct));
    }

    public static async Task<Ok<ProjectView>> RecordAsync(Guid id, RecordFacilitySurvey request, Access access,
        AppDbContext db, EventOutbox outbox, TimeProvider clock, IProjectPlans plans, CancellationToken ct)
    {
        var project = await db.LoadProjectAsync(id, access, ct, Permission.ConveneRenovation);
        db.ExpectVersion(project, request.ExpectedVersion, p => p.Version);
        project.RecordFacilitySurvey(request.FacilityProblems!, request.FacilityNotes, clock.GetUtcNow());
        outbox.Publish("project.facility_survey_recorded", project.CommunityId, project.StreetId,
            new { projectId = project.Id, facilityProblems = project.FacilityProblems });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewOfAsync(project, plans, ct));
    }
}
