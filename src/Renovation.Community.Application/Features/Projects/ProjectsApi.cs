using Renovation.Community.Application.Common.Errors;
namespace Renovation.Community.Application.Features.Projects;

/// <summary>Renovation projects: intake, willingness survey, library, annual plan, progress, acceptance and files.</summary>
public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");
        projects.MapPost("/", FacilitySurvey.OpenAsync).WithName("OpenProject").RetryWhenRaceLost()
            .WithSummary("Open a renovation project with the basic-facility survey (street officer)")
            .WithDescription("Opens a renovation project for a community built before the target year, with the basic-facility survey. A community has one project under way at a time (409 project_exists).");
        projects.MapGet("/", ProjectQueries.ListAsync).WithName("ListProjects")
            .WithSummary("Projects in communities I can see, by state, community, planned year or community name")
            .WithDescription("Projects in the communities the caller can see, filtered by state, community, planned year or community name. Paged.");
        projects.MapGet("/{id:guid}", ProjectQueries.GetAsync).WithName("GetProject")
            .WithSummary("A project with its qualification tallies")
            .WithDescription("A project with its facility survey, willingness-survey tallies against the consent threshold, planned year, progress and acceptance.");
        projects.MapPut("/{id:guid}/facility-survey", FacilitySurvey.RecordAsync).WithName("RecordFacilitySurvey").RetryWhenRaceLost()
            .WithSummary("Correct the basic-facility survey while the willingness survey is open (street officer)")
            .WithDescription("Replaces the list of basic facilities with problems, while the willingness survey is open.");
        projects.MapPut("/{id:guid}/survey/units/{unitId:guid}", WillingnessSurvey.AnswerAsync).WithName("AnswerWillingnessSurvey")
            .WithSummary("Answer the willingness survey for a bound unit; repeating it is harmless, a different answer replaces")
            .WithDescription("A bound resident says whether the unit's owner consents to the renovation. The last answer for a unit counts; the survey closes when the project is admitted.");
        projects.MapGet("/{id:guid}/survey/mine", WillingnessSurvey.MineAsync).WithName("MySurveyAnswers")
            .WithSummary("My units in the community and their answers")
            .WithDescription("The caller's units in the project's community and the answer recorded for each.");
        projects.MapPost("/{id:guid}/admit", ProjectLibrary.AdmitAsync).WithName("AdmitProject").RetryWhenRaceLost()
            .WithSummary("Admit a qualifying project to the library (renovation office)")
            .WithDescription("Admits a project to the library when enough owners consented (by head count and by area). Admitting twice answers 409 project_already_admitted; an unqualified project answers 422 project_not_qualified.");
        projects.MapPut("/{id:guid}/planned-year", ProjectLibrary.PlanYearAsync).WithName("PlanProjectYear").RetryWhenRaceLost()
            .WithSummary("Plan the project into a year (renovation office)")
            .WithDescription("Puts a library project into a year's renovation plan. expectedVersion is optional and guards against overwriting a change made since the client read the project.");
        projects.MapPost("/{id:guid}/progress", Implementation.RecordProgressAsync).WithName("RecordProgress").RetryWhenRaceLost()
            .WithSummary("Record implementation progress with notes and photos (renovation office)")
            .WithDescription("Records progress in per cent with notes and photos of the project. The first entry starts the works and needs a plan that finished publicity; progress never goes backwards.");
        projects.MapGet("/{id:guid}/progress", Implementation.ListProgressAsync).WithName("ListProgress")
            .WithSummary("Progress entries of a project")
            .WithDescription("The recorded progress entries, oldest first, with notes and photo file ids.");
        projects.MapPost("/{id:guid}/acceptance", Implementation.AcceptAsync).WithName("AcceptCompletion").RetryWhenRaceLost()
            .WithSummary("Record the completion acceptance with residents' representatives (renovation office)")
            .WithDescription("Completes a project at 100% progress with the names of the residents' representatives who took part. After that the community may open another project.");
        projects.MapPost("/{id:guid}/files", ProjectFiles.UploadAsync).WithName("UploadProjectFile")
            .WithSummary("Upload a PDF or image (multipart field 'file')")
            .WithDescription("Uploads a PDF, PNG or JPEG (multipart/form-data, field 'file'; size-limited) for use as plan attachments or progress photos. The content is checked by its signature.")
            // The API is called with bearer tokens, never cookies, so there is no cross-site form to forge.
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        projects.MapGet("/{id:guid}/files", ProjectFiles.ListAsync).WithName("ListProjectFiles")
            .WithSummary("Files of a project")
            .WithDescription("The files uploaded for a project, with their kind and size.");
        api.MapGet("/files/{id:guid}", ProjectFiles.DownloadAsync).WithTags("Projects").WithName("DownloadFile")
            .WithSummary("The content of an uploaded file")
            .WithDescription("The stored bytes of an uploaded project file with its media type, for anyone who may see its project.");
        return api;
    }
}
