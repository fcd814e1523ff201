using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

/// <summary>One HTTP operation the API maps, as its endpoint metadata describes it.</summary>
public sealed record MappedEndpoint(string Method, string Route, bool AllowsAnonymous)
{
    public override string ToString() => $"{Method} {Route}";

    /// <summary>The route's parameters in order, each with the path segment before it (<c>("votes", "voteId")</c>).</summary>
    public IReadOnlyList<(string Collection, string Name)> Parameters => Route.Split('/')
        .Select((segment, i) => (segment, i))
        .Where(s => s.segment.StartsWith('{'))
        .Select(s => (Route.Split('/')[s.i - 1], s.segment.Trim('{', '}')))
        .ToList();
}

public static partial class MappedEndpoints
{
    /// <summary>
    /// Every operation under <c>/api/v1</c>, read from the running API's <see cref="EndpointDataSource"/>: an endpoint
    /// added later is in every matrix built from this list without anyone editing a test.
    /// </summary>
    public static IReadOnlyList<MappedEndpoint> Of(ApiFactory api) => api.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => new MappedEndpoint(method,
            Constraint().Replace(e.RoutePattern.RawText!.TrimEnd('/'), "{$1}"), e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
        .Distinct()
        .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
        .ToList();

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
