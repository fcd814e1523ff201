using System.Text.RegularExpressions;

namespace Renovation.Community.Application.Common.Http;

/// <summary>
/// Takes the caller's <c>X-Correlation-Id</c> (or makes one), echoes it, and puts it in the logging scope so one
/// request can be followed through every log line and into ProblemDetails.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext http)
    {
        var incoming = http.Request.Headers[Header].ToString();
        // Only accept ids that are safe to log and echo; anything else is replaced.
        var id = SafeId().IsMatch(incoming) ? incoming : http.TraceIdentifier;
        http.TraceIdentifier = id;
        http.Response.Headers[Header] = id;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            await next(http);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SafeId();
}
