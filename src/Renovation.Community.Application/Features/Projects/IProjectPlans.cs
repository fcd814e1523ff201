namespace Renovation.Community.Application.Features.Projects;

/// <summary>
/// What a project needs to know about its plans. Plans depend on projects, not the other way round, so the
/// Proposals feature implements this port and Projects never touches plan tables.
/// </summary>
public interface IProjectPlans
{
    /// <summary>The newest plan version of the project with its state's name, or null before the first draft.</summary>
    Task<ProjectPlanStatus?> CurrentAsync(Guid projectId, CancellationToken ct);

    /// <summary>Whether a plan of the project has finished publicity and is ready for the owners' vote.</summary>
    Task<bool> PublicisedAsync(Guid projectId, CancellationToken ct);
}

/// <summary>The current plan of a project as the project view shows it.</summary>
public sealed record ProjectPlanStatus(Guid Id, string State);
