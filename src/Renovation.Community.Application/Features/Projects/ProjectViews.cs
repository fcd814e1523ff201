using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Projects;

public sealed record ProjectView(Guid Id, Guid CommunityId, string Community, Guid StreetId, string Title, ProjectState State,
    IReadOnlyList<FacilityItem> FacilityProblems, string? FacilityNotes, Qualification Qualification,
    DateTimeOffset OpenedAt, DateTimeOffset? AdmittedAt, int? PlannedYear, int ProgressPercent,
    DateTimeOffset? AcceptedAt, string? AcceptanceNotes, IReadOnlyList<string> AcceptanceRepresentatives,
    Guid? CurrentPlanId, string? CurrentPlanState, int Version);

public sealed record ProjectSummary(Guid Id, Guid CommunityId, string Community, string Title, ProjectState State,
    int? PlannedYear, int ProgressPercent, DateTimeOffset OpenedAt);

public sealed record SurveyAnswerView(Guid ProjectId, Guid UnitId, bool? Consents, DateTimeOffset? AnsweredAt);

public sealed record ProgressView(Guid Id, int Percent, string? Notes, IReadOnlyList<Guid> PhotoFileIds, DateTimeOffset RecordedAt);

public sealed record ProjectFileView(Guid Id, Guid ProjectId, string FileName, FileKind Kind, string ContentType,
    long SizeBytes, string Sha256, string Url, DateTimeOffset UploadedAt)
{
    public static ProjectFileView From(ProjectFile f) =>
        new(f.Id, f.ProjectId, f.FileName, f.Kind, f.ContentType, f.SizeBytes, f.Sha256, $"/api/v1/files/{f.Id}", f.UploadedAt);
}

public static class ProjectViews
{
    /// <summary>Counts households (units) and answers now: the survey is judged on the register as it stands.</summary>
    public static async Task<Qualification> QualificationOfAsync(this AppDbContext db, RenovationProject project, CancellationToken ct)
    {
        var households = await db.Units.CountAsync(u => u.CommunityId == project.CommunityId, ct);
        var answers = db.SurveyAnswers.Where(a => a.ProjectId == project.Id);
        var answered = await answers.CountAsync(ct);
        var consenting = await answers.CountAsync(a => a.Consents, ct);
        return Qualification.Evaluate(project.FacilityProblems, households, answered, consenting,
            project.ConsentNumerator, project.ConsentDenominator);
    }

    public static async Task<ProjectView> ViewOfAsync(this AppDbContext db, RenovationProject p, IProjectPlans plans,
        CancellationToken ct)
    {
        var community = await db.Communities.Where(c => c.Id == p.CommunityId).Select(c => c.Name).SingleAsync(ct);
        var plan = await plans.CurrentAsync(p.Id, ct);
        var representatives = p.AcceptanceRepresentatives?.Split('、', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return new ProjectView(p.Id, p.CommunityId, community, p.StreetId, p.Title, p.State, p.FacilityProblems,
            p.FacilityNotes, await db.QualificationOfAsync(p, ct), p.OpenedAt, p.AdmittedAt, p.PlannedYear,
            p.ProgressPercent, p.AcceptedAt, p.AcceptanceNotes, representatives, plan?.Id, plan?.State, p.Version);
    }
}
