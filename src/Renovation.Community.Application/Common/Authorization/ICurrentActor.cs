namespace Renovation.Community.Application.Common.Authorization;

/// <summary>Who is acting right now: the signed-in user of the request, or nobody for jobs and start-up work.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }
    string? CorrelationId { get; }
}
