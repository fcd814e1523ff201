namespace Renovation.Community.Application.Common.Errors;

/// <summary>A business rule refused the change (422 unless the rule says otherwise).</summary>
public sealed class DomainRuleViolation(string code, string detail, int status = StatusCodes.Status422UnprocessableEntity)
    : AppProblem(status, code, detail);
