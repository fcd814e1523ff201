namespace Renovation.Community.Application.Common.Authorization;

/// <summary>Who is acting right now: the signed-in user of the request, a scheduled job (<see cref="JobActor"/>), or nobody for start-up work.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }
    /// <summary>
    /// Who acts, as the audit log names it: <c>user:&lt;id&gt;</c>, <c>job:&lt;JobName&gt;</c>, <c>command:&lt;verb&gt;</c>
    /// for an operator's command on the host (<see cref="CommandActor"/>), or null for start-up work.
    /// </summary>
    string? Name => UserId is { } id ? $"user:{id}" : JobActor.Current is { } job ? $"job:{job}"
        : CommandActor.Current is { } command ? $"command:{command}" : null;
    string? CorrelationId { get; }
}
