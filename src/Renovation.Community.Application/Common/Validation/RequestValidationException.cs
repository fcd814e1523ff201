namespace Renovation.Community.Application.Common.Validation;

public sealed class RequestValidationException : Errors.AppProblem
{
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(StatusCodes.Status400BadRequest, "validation_failed", Summary(errors)) =>
        Extensions["errors"] = errors;

    /// <summary>The first problem in words, so a client that shows only <c>detail</c> still names the field.</summary>
    private static string Summary(IReadOnlyDictionary<string, string[]> errors)
    {
        var count = errors.Values.Sum(v => v.Length);
        if (count == 0)
            return "请求参数有误，请按提示修改";
        var (field, messages) = errors.First();
        var first = messages[0].StartsWith(field, StringComparison.Ordinal) ? messages[0] : $"{field}：{messages[0]}";
        return count == 1 ? $"请求参数有误：{first}" : $"请求参数有误：{first}（共 {count} 处，见 errors）";
    }
}
