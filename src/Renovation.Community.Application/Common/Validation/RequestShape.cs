using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Renovation.Community.Application.Common.Validation;

/// <summary>
/// What every request body is checked for before its own <see cref="IValidatable.Validate"/> runs, so that no request
/// record can forget it: a required (non-nullable) field that is missing or null, an enum number that names no member
/// (<c>"kind":42</c>), and text with control characters (<see cref="SafeText"/>). Field names are the JSON ones.
/// </summary>
public static class RequestShape
{
    private const int MaxDepth = 6;
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    private sealed record Member(PropertyInfo Property, string JsonName, bool Required);

    public static void Check(object? value, string name, Validator v) => Walk(value, name, v, 0);

    /// <summary>A single bound value such as a query or route parameter.</summary>
    public static void CheckValue(object? value, string name, Validator v)
    {
        if (value is Enum e && !Enum.IsDefined(e.GetType(), e))
            v.Add(name, "取值无效");
        else if (value is string s && !SafeText.IsSafe(s))
            v.Add(name, SafeText.Message);
    }

    private static void Walk(object? value, string path, Validator v, int depth)
    {
        if (value is null || depth > MaxDepth)
            return;
        if (value is Enum or string)
        {
            CheckValue(value, path, v);
            return;
        }
        var type = value.GetType();
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
                Walk(item, $"{path}[{i++}]", v, depth + 1);
            return;
        }
        if (!IsRequestType(type))
            return;
        foreach (var member in Members.GetOrAdd(type, Describe))
        {
            var field = path.Length == 0 ? member.JsonName : $"{path}.{member.JsonName}";
            var memberValue = member.Property.GetValue(value);
            if (memberValue is null && member.Required)
                v.Add(field, $"缺少必填字段 {member.JsonName}");
            else
                Walk(memberValue, field, v, depth + 1);
        }
    }

    /// <summary>Request records are ours; framework types (IFormFile, streams) are not walked.</summary>
    private static bool IsRequestType(Type type) =>
        type.Namespace?.StartsWith("Renovation.Community", StringComparison.Ordinal) == true && !type.IsPrimitive;

    private static Member[] Describe(Type type)
    {
        // NullabilityInfoContext is not thread-safe: one per description.
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.DeclaringType != typeof(object)
                && !p.PropertyType.IsPointer && p.Name != "EqualityContract")
            .Select(p => new Member(p, JsonNamingPolicy(p.Name),
                !p.PropertyType.IsValueType && nullability.Create(p).ReadState == NullabilityState.NotNull))
            .ToArray();
    }

    private static string JsonNamingPolicy(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
