using System.Text.RegularExpressions;

namespace Renovation.Community.Application.Common.Validation;

/// <summary>Collects field errors in Chinese; an empty collector means the request is valid.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;
    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Validator Required(string? value, string field, string label) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, $"请填写{label}") : this;

    public Validator Text(string? value, string field, string label, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? Add(field, $"请填写{label}") : this;
        return value.Length > maxLength ? Add(field, $"{label}不能超过 {maxLength} 个字") : this;
    }

    public Validator Matches(string? value, Regex pattern, string field, string message) =>
        value is null || pattern.IsMatch(value) ? this : Add(field, message);

    /// <summary>
    /// <paramref name="message"/> says what is allowed; the caller also learns which end was crossed and what it sent,
    /// so a value above the maximum is never answered with a "must be more than 0".
    /// </summary>
    public Validator Range(long value, long min, long max, string field, string message)
    {
        if (value >= min && value <= max)
            return this;
        var bound = value < min ? $"不能小于 {min}" : $"超出范围，不能大于 {max}";
        return Add(field, $"{field} {bound}（收到 {value}）：{message}");
    }

    public Validator NotEmpty(Guid value, string field, string label) =>
        value == Guid.Empty ? Add(field, $"请选择{label}") : this;

    public void ThrowIfInvalid()
    {
        if (!IsValid)
            throw new RequestValidationException(Errors);
    }
}
