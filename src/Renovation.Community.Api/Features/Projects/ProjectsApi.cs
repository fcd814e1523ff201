using Renovation.Community.Api.Common.Errors;
namespace Renovation.Community.Api.Features.Projects;

/// <summary>Renovation projects: intake, willingness survey, library, annual plan, progress, acceptance and files.</summary>
public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");
        projects.MapPost("/", FacilitySurvey.OpenAsync).WithName("OpenProject").RetryWhenRaceLost()
            .WithSummary("Open a renovation project with the basic-facility survey (street officer)");
        projects.MapGet("/", ProjectQueries.ListAsync).WithName("ListProjects")
            .WithSummary("Projects in communities I can see, by state, community, planned year or community name");
        projects.MapGet("/{id:guid}", ProjectQueries.GetAsync).WithName("GetProject")
            .WithSummary("A project with its qualification tallies");
        projects.MapPut("/{id:guid}/facility-survey", FacilitySurvey.RecordAsync).WithName("RecordFacilitySurvey").RetryWhenRaceLost()
            .WithSummary("Correct the basic-facility survey while the willingness survey is open (street officer)");
        projects.MapPut("/{id:guid}/survey/units/{unitId:guid}", WillingnessSurvey.AnswerAsync).WithName("AnswerWillingnessSurvey")
            .WithSummary("Answer the willingness survey for a bound unit; repeating it is harmless, a different answer replaces");
        projects.MapGet("/{id:guid}/survey/mine", WillingnessSurvey.MineAsync).WithName("MySurveyAnswers")
            .WithSummary("My units in the community and their answers");
        projects.MapPost("/{id:guid}/admit", ProjectLibrary.AdmitAsync).WithName("AdmitProject").RetryWhenRaceLost()
            .WithSummary("Admit a qualifying project to the library (renovation office)");
        projects.MapPut("/{id:guid}/planned-year", ProjectLibrary.PlanYearAsync).WithName("PlanProjectYear").RetryWhenRaceLost()
            .WithSummary("Plan the project into a year (renovation office)");
        projects.MapPost("/{id:guid}/progress", Implementation.RecordProgressAsync).WithName("RecordProgress").RetryWhenRaceLost()
            .WithSummary("Record implementation progress with notes and photos (renovation office)");
        projects.MapGet("/{id:guid}/progress", Implementation.ListProgressAsync).WithName("ListProgress");
        projects.MapPost("/{id:guid}/acceptance", Implementation.AcceptAsync).WithName("AcceptCompletion").RetryWhenRaceLost()
            .WithSummary("Record the completion acceptance with residents' representatives (renovation office)");
        projects.MapPost("/{id:guid}/files", ProjectFiles.UploadAsync).WithName("UploadProjectFile")
            .WithSummary("Upload a PDF or image (multipart field 'file')")
            // The API is called with bearer tokens, never cookies, so there is no cross-site form to forge.
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        projects.MapGet("/{id:guid}/files", ProjectFiles.ListAsync).WithName("ListProjectFiles");
        api.MapGet("/files/{id:guid}", ProjectFiles.DownloadAsync).WithTags("Projects").WithName("DownloadFile")
            .WithSummary("The content of an uploaded file");
        return api;
    }
}
