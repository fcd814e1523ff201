using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Renovation.Community.Application.Common.Errors;

public static partial class BadRequestProblem
{
    /// <summary>
    /// The query or route parameter a plain 400 was about. The compile-time request delegates answer an optional
    /// parameter that does not parse (<c>?state=Maybe</c> for a <c>VoteState?</c>) with a bare 400, without the
    /// exception the runtime ones throw; the endpoint's binding metadata says which parameters it reads, so the value
    /// that does not parse is found again here and named as <see cref="From"/> names it.
    /// </summary>
    public static AppProblem? FromUnreadParameter(HttpContext http)
    {
        var parameters = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [];
        foreach (var parameter in parameters.Where(p => p.HasTryParse))
        {
            var raw = http.Request.RouteValues.TryGetValue(parameter.Name, out var routed) ? routed?.ToString()
                : http.Request.Query.TryGetValue(parameter.Name, out var queried) ? queried.ToString() : null;
            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            if (!string.IsNullOrEmpty(raw) && !Parses(type, raw))
                return new Validation.InvalidQuery(parameter.Name, $"无法读取“{raw}”，应为{Describe(type)}");
        }
        return null;
    }

    private static bool Parses(Type type, string raw)
    {
        if (type.IsEnum)
            return Enum.TryParse(type, raw, out _);
        var withCulture = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withCulture is not null)
            return (bool)withCulture.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        return plain is null || (bool)plain.Invoke(null, [raw, null])!;
    }
}
