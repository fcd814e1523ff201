namespace Renovation.Community.Application.Common.Validation;

/// <summary>
/// A query string or route parameter that cannot be read (<c>?page=abc</c>, <c>?format=pdf</c>, a missing required
/// one): 400 <c>invalid_query</c> naming the parameter in <c>parameter</c>, in <c>errors</c> and in the detail, so the
/// caller is not sent to look for a JSON mistake in a request that has no body.
/// </summary>
public sealed class InvalidQuery : Errors.AppProblem
{
    public InvalidQuery(string parameter, string message)
        : base(StatusCodes.Status400BadRequest, "invalid_query", $"查询参数 {parameter} 有误：{message}")
    {
        Extensions["parameter"] = parameter;
        Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [message] };
    }
}
