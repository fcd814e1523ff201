using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>
/// Limits signed-in calls per user (<see cref="UserRateLimits"/>). Runs after authentication; anonymous calls pass
/// untouched (the sign-in routes have their own per-address policy). A refused call is 429 <c>rate_limited</c> with
/// <c>Retry-After</c>, shaped by the status-code pages like the per-address limit's.
/// </summary>
public sealed class UserRateLimitMiddleware(RequestDelegate next, UserRateLimits limits)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (!Guid.TryParse(http.User.FindFirst(HttpCurrentActor.SubjectClaim)?.Value, out var userId)
            || limits.TryAcquire(userId) is not { } wait)
            return next(http);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = RateLimited.HeaderValue(wait);
        return Task.CompletedTask;
    }
}
