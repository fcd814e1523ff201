namespace Renovation.Community.Application.Common.Authorization;

/// <summary>Who is acting right now: the signed-in user of the request, a scheduled job (<see cref="JobActor"/>), or nobody for start-up work.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }
    /// <summary>Who acts, as the audit log names it: <c>user:&lt;id&gt;</c>, <c>job:&lt;JobName&gt;</c>, or null for start-up work.</summary>
    string? Name => UserId is { } id ? $"user:{id}" : JobActor.Current is { } job ? $"job:{job}" : null;
    string? CorrelationId { get; }
}
