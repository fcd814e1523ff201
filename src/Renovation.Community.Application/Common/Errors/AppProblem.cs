namespace Renovation.Community.Application.Common.Errors;

/// <summary>
/// A failure the client can act on. The API turns it into an RFC 9457 ProblemDetails with the
/// stable machine <see cref="Code"/> and the Chinese <see cref="Detail"/> shown to users.
/// </summary>
public class AppProblem(int status, string code, string detail) : Exception(code)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Detail { get; } = detail;
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    public static AppProblem NotFound(string code, string detail) => new(StatusCodes.Status404NotFound, code, detail);
    public static AppProblem Forbidden(string detail = "无权执行此操作") => new(StatusCodes.Status403Forbidden, "forbidden", detail);
    public static AppProblem Conflict(string code, string detail) => new(StatusCodes.Status409Conflict, code, detail);
    public static AppProblem Unauthorized(string code, string detail) => new(StatusCodes.Status401Unauthorized, code, detail);
    public static AppProblem BadRequest(string code, string detail) => new(StatusCodes.Status400BadRequest, code, detail);

    public AppProblem With(string key, object? value)
    {
        Extensions[key] = value;
        return this;
    }
}
