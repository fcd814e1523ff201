namespace Renovation.Community.Application.Common.Errors;

/// <summary>
/// 429 <c>rate_limited</c> raised by a handler (the rate-limiting middleware answers its own 429s); the answer carries
/// <c>Retry-After</c> like the middleware's.
/// </summary>
public sealed class RateLimited(TimeSpan retryAfter)
    : AppProblem(StatusCodes.Status429TooManyRequests, "rate_limited", "请求过于频繁，请稍后再试")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public static string HeaderValue(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();
}
