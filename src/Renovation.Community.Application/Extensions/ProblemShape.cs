using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Extensions;

/// <summary>Gives every ProblemDetails the same shape: a stable <c>code</c>, a Chinese <c>detail</c> and the correlation id.</summary>
internal static class ProblemShape
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (status == StatusCodes.Status400BadRequest && context.Exception is null
            && BadRequestProblem.FromUnreadParameter(context.HttpContext) is { } unread)
        {
            problem.Detail = unread.Detail;
            problem.Extensions["code"] = unread.Code;
            foreach (var (key, value) in unread.Extensions)
                problem.Extensions[key] = value;
        }
        var (code, detail) = ProblemCatalog.ForStatus(status);
        problem.Extensions.TryAdd("code", code);
        if (string.IsNullOrEmpty(problem.Detail) || context.Exception is not AppProblem && !IsChinese(problem.Detail))
            problem.Detail = detail;
        problem.Instance ??= context.HttpContext.Request.Path;
        // ASP.NET fills `type` for the common statuses only; every problem names its kind (RFC 9457 §3.1.1).
        problem.Type ??= status == StatusCodes.Status429TooManyRequests
            ? "https://tools.ietf.org/html/rfc6585#section-4"
            : "about:blank";
        problem.Extensions["correlationId"] = context.HttpContext.TraceIdentifier;
        problem.Extensions.Remove("traceId");
        problem.Extensions.Remove("exception");
    }

    private static bool IsChinese(string text) => text.Any(c => c >= '\u4e00' && c <= '\u9fff');
}
