using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Extensions;

/// <summary>
/// Behind a load balancer the client's address arrives in <c>X-Forwarded-For</c>. It is believed only from the
/// proxies listed in <c>Proxy:KnownProxies</c>; otherwise anyone could pick their own rate-limit partition.
/// </summary>
public static class ProxySetup
{
    public const string Section = "Proxy:KnownProxies";

    public static WebApplicationBuilder AddKnownProxies(this WebApplicationBuilder builder)
    {
        var listed = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        var proxies = listed.Select(p => IPAddress.TryParse(p, out var ip)
            ? ip
            : throw new ConfigurationProblem($"{Section} entry '{p}' is not an IP address.")).ToList();
        if (proxies.Count == 0)
            return builder;
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(proxy);
        });
        return builder;
    }

    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        if (app.Configuration.GetSection(Section).Get<string[]>() is { Length: > 0 })
            app.UseForwardedHeaders();
        return app;
    }
}
