using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Renovation.Community.Application.Common.Errors;

/// <summary>Maps every exception to a ProblemDetails; only genuine server faults become 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, code, detail, extensions) = Classify(exception);
        if (status >= 500)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
        else
            logger.LogInformation("Request refused: {Status} {Code}", status, code);

        http.Response.StatusCode = status;
        if (exception is RateLimited limited)
            http.Response.Headers.RetryAfter = RateLimited.HeaderValue(limited.RetryAfter);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions)
            problem.Extensions[key] = value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static (int, string, string, IDictionary<string, object?>) Classify(Exception exception) => exception switch
    {
        AppProblem p => (p.Status, p.Code, p.Detail, p.Extensions),
        BadHttpRequestException b when b.StatusCode == 413 => (413, "payload_too_large", "请求内容过大", Empty()),
        BadHttpRequestException b when b.StatusCode == 415 => (415, "unsupported_media_type", "不支持的内容类型", Empty()),
        BadHttpRequestException b => Classify(BadRequestProblem.From(b)),
        DbUpdateConcurrencyException => (409, "concurrent_update", "数据已被他人修改，请刷新后重试", Empty()),
        DbUpdateException e when UniqueViolation.IsUniqueViolation(e) => (409, "duplicate", "记录已存在，不能重复提交", Empty()),
        _ => (500, "internal_error", "服务器内部错误，请稍后再试", Empty()),
    };

    private static Dictionary<string, object?> Empty() => [];
}
