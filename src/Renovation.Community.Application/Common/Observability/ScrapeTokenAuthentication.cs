using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Renovation.Community.Application.Common.Observability;

/// <summary>
/// The metrics scrape's own credential: <c>Authorization: Bearer &lt;Telemetry:Prometheus:ScrapeToken&gt;</c>, what a
/// Prometheus <c>authorization</c> block sends. A scraper is a machine, not a user, so it carries no user token and the
/// scrape token opens nothing else. The token is compared in constant time and never written to a log.
/// </summary>
public sealed class ScrapeTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> schemes, ILoggerFactory logs,
    UrlEncoder encoder, IOptions<TelemetryOptions> telemetry) : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logs, encoder)
{
    public const string SchemeName = "MetricsScrape";
    public const string Policy = "MetricsScrape";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var expected = telemetry.Value.Prometheus.ScrapeToken;
        if (string.IsNullOrEmpty(expected) || !SameSecret(header["Bearer ".Length..].Trim(), expected))
            return Task.FromResult(AuthenticateResult.Fail("The scrape token does not match"));
        var scraper = new ClaimsPrincipal(new ClaimsIdentity([new Claim("scope", "metrics")], SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(scraper, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Detail = "抓取监控指标需要有效的抓取令牌（Authorization: Bearer）",
        };
        problem.Extensions["code"] = "scrape_token_required";
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }

    /// <summary>Hashes first, so the comparison takes the same time whatever the lengths.</summary>
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
