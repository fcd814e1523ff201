using System.Text.Json;
using System.Text.RegularExpressions;

namespace Renovation.Community.Application.Common.Errors;

/// <summary>
/// Says which part of a request the framework could not read, instead of one "check your JSON" for everything: a
/// query string, route or header parameter gets <c>invalid_query</c> naming it; a JSON body gets <c>invalid_request</c>
/// naming the JSON path (<c>exclusiveAreaHundredths</c>, <c>members[0].idLast4</c>) and the type it should have.
/// </summary>
public static partial class BadRequestProblem
{
    public static AppProblem From(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException json)
            return FromJson(json);
        if (BindFailed().Match(e.Message) is { Success: true } bind)
            return new Validation.InvalidQuery(bind.Groups["name"].Value,
                $"无法读取“{bind.Groups["value"].Value}”，应为{Describe(bind.Groups["type"].Value)}");
        if (Missing().Match(e.Message) is { Success: true } missing && missing.Groups["source"].Value != "body")
            return new Validation.InvalidQuery(missing.Groups["name"].Value, $"缺少必填参数，应为{Describe(missing.Groups["type"].Value)}");
        return new AppProblem(StatusCodes.Status400BadRequest, "invalid_request", "请求体缺失或不是 JSON：请以 application/json 发送请求体");
    }

    private static AppProblem FromJson(JsonException e)
    {
        var path = e.Path is null or "$" ? "" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path.TrimStart('$');
        var converted = ConvertFailed().Match(e.Message);
        string message;
        if (converted.Success)
        {
            // The serializer names the record it was building, not the member: walk the path to the member's type.
            var type = FindType(converted.Groups["type"].Value);
            var member = type is null || type.Namespace?.StartsWith("Renovation.Community", StringComparison.Ordinal) != true ? type
                : MemberType(type, path) ?? MemberType(type, path.Split('.')[^1]);
            // Numbers are strict (ApiServices): "100" for a number gets its own words, the likeliest mistake.
            var text = e.InnerException is InvalidOperationException { Message: var reason }
                && reason.Contains("token type 'String' as a number", StringComparison.Ordinal);
            message = $"应为{(member is not null ? Describe(member) : text ? "数字" : "正确的类型")}"
                + (text ? "，不能是字符串" : "（值的类型不对或超出范围）");
        }
        else
            message = $"JSON 格式错误（第 {e.LineNumber + 1} 行第 {e.BytePositionInLine + 1} 个字节附近）";
        var field = path.Length == 0 ? "$" : path;
        var problem = new AppProblem(StatusCodes.Status400BadRequest, "invalid_request",
            path.Length == 0 ? $"请求体有误：{message}" : $"字段 {path} 有误：{message}");
        problem.Extensions["field"] = field;
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        return problem;
    }

    /// <summary>The type at a JSON path such as <c>members[0].idLast4</c> below <paramref name="root"/>, if it can be found.</summary>
    private static Type? MemberType(Type root, string path)
    {
        var type = root;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            var property = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
                return null;
            type = property.PropertyType;
            if (segment.Contains('[', StringComparison.Ordinal))
                type = ElementType(type) ?? type;
        }
        // A type mismatch inside a list element is reported at the list when the path stops there.
        return type;
    }

    private static Type? ElementType(Type type) => type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    private static Type? FindType(string fullName) => Type.GetType(fullName, throwOnError: false)
        ?? OurAssemblies().Select(a => a.GetType(fullName, throwOnError: false)).FirstOrDefault(t => t is not null);

    private static IEnumerable<System.Reflection.Assembly> OurAssemblies() => AppDomain.CurrentDomain.GetAssemblies()
        .Where(a => a.GetName().Name?.StartsWith("Renovation.Community", StringComparison.Ordinal) == true);

    private static string Describe(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain.IsEnum)
            return $"以下之一：{string.Join("、", Enum.GetNames(plain))}";
        if (plain != typeof(string) && ElementType(plain) is not null)
            return "数组";
        return Describe(plain.Name);
    }

    /// <summary>A type as the framework names it in a binding message ("Nullable&lt;Guid&gt;", "Int32", "VoteState"), in words.</summary>
    private static string Describe(string type)
    {
        var name = type.Trim().TrimEnd('?');
        if (name.StartsWith("Nullable<", StringComparison.Ordinal))
            name = name["Nullable<".Length..^1];
        if (name.Contains('<', StringComparison.Ordinal) || name.EndsWith("[]", StringComparison.Ordinal))
            return "数组";
        name = name.Split('.')[^1];
        return name switch
        {
            "Int32" or "int" => $"整数（{int.MinValue} 到 {int.MaxValue}）",
            "Int64" or "long" => $"整数（{long.MinValue} 到 {long.MaxValue}）",
            "Int16" or "short" or "Byte" or "byte" => "较小的整数",
            "Boolean" or "bool" => "true 或 false",
            "Guid" => "GUID（如 0193b5c4-0000-7000-8000-000000000000）",
            "DateTimeOffset" or "DateTime" => "ISO 8601 时间（如 2026-01-01T08:00:00+08:00；不带时区的按北京时间）",
            "DateOnly" => "日期（如 2026-01-01）",
            "String" or "string" => "字符串",
            "Decimal" or "Double" or "decimal" or "double" => "数字",
            _ => OurAssemblies().SelectMany(a => a.GetTypes()).FirstOrDefault(t => t.IsEnum && t.Name == name) is { } e
                ? $"以下之一：{string.Join("、", Enum.GetNames(e))}"
                : "正确的类型",
        };
    }

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("^Required parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\" was not provided from (?<source>[a-z ]+)\\.$")]
    private static partial Regex Missing();

    [GeneratedRegex("could not be converted to (?<type>[^ .]+(\\.[^ .]+)*)\\.")]
    private static partial Regex ConvertFailed();
}
