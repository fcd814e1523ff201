using System.Security.Claims;

namespace Renovation.Community.Application.Common.Authorization;

public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    /// <summary>Inbound claim mapping is off, so the JWT <c>sub</c> arrives under its own name.</summary>
    public const string SubjectClaim = "sub";

    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(SubjectClaim), out var id) ? id : null;

    public string? CorrelationId => accessor.HttpContext?.TraceIdentifier;
}
