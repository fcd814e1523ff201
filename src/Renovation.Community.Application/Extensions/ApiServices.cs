using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Application.Features.Realtime;

namespace Renovation.Community.Application.Extensions;

public static class ApiServices
{
    /// <summary>Errors, JSON, identity, authorisation and rate limits: the cross-cutting parts every feature relies on.</summary>
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The one source of "now". A host that registered a clock first (a test's shifted clock) keeps it.
        services.TryAddSingleton(TimeProvider.System);
        // Which server answers is nobody's business.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddHttpContextAccessor();
        services.Configure<JsonOptions>(o =>
        {
            // The web defaults also read "100" as 100. Money must not arrive as text, and no client sends numbers as
            // strings, so every number is strict: a string is a 400 naming the field (BadRequestProblem).
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new Common.Time.Timestamps.Json());
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemShape.Apply);
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Stateless (it reads the ambient HttpContext), so the pooled DbContext's audit interceptor can hold it.
        services.AddSingleton<ICurrentActor, HttpCurrentActor>();
        services.AddScoped<IScopeStore, ScopeStore>();
        services.AddScoped<Access>();
        services.AddScoped<TokenService>();
        services.AddSingleton<UserRateLimits>();
        services.AddScoped<EventOutbox>();
        services.AddScoped<IProjectPlans, ProjectPlans>();
        services.AddScoped(typeof(Deferred<>));

        builder.Services.AddOptions<ConsoleSignInOptions>().Bind(builder.Configuration.GetSection(ConsoleSignInOptions.Section));
        builder.AddJwtAuthentication();
        builder.AddLoginRateLimit();
        return builder;
    }

    private static void AddJwtAuthentication(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.AddOptions<AuthOptions>().Bind(auth).PostConfigure(o =>
        {
            if (builder.Environment.IsDevelopment() && auth[nameof(AuthOptions.EnableDevLogin)] is null)
                o.EnableDevLogin = true;
            // A development key is made up per process: restarting signs everyone out, which is fine for a demo.
            if (string.IsNullOrEmpty(o.SigningKey) && builder.Environment.IsDevelopment())
                o.SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        });
        var configured = auth[nameof(AuthOptions.SigningKey)];
        if (!builder.Environment.IsDevelopment() && (configured is null || configured.Length < 32))
            throw new ConfigurationProblem("Auth:SigningKey is missing or shorter than 32 characters: set a random secret shared by all nodes.");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, TimeProvider>((jwt, options, clock) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Value.Issuer,
                    ValidAudience = AuthOptions.Audience,
                    IssuerSigningKey = options.Value.Key(),
                    NameClaimType = "sub",
                    // Token lifetimes are judged by the same clock that issued them (TimeProvider), not the machine's.
                    LifetimeValidator = (notBefore, expires, _, _) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        var skew = TimeSpan.FromSeconds(30);
                        return (notBefore is null || notBefore.Value <= now + skew) && expires is not null && now - skew < expires.Value;
                    },
                };
                jwt.Events = new JwtBearerEvents
                {
                    // An expired token gets its own code, so the client refreshes instead of sending the user to sign in.
                    OnChallenge = async ctx =>
                    {
                        if (ctx.AuthenticateFailure is not SecurityTokenInvalidLifetimeException { Expires: { } expires }
                            || expires > clock.GetUtcNow().UtcDateTime)
                            return;
                        ctx.HandleResponse();
                        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        ctx.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The token expired\"";
                        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
                        {
                            Status = StatusCodes.Status401Unauthorized,
                            Detail = "登录已过期，请用刷新令牌换取新的访问令牌",
                        };
                        problem.Extensions["code"] = "token_expired";
                        await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                            .WriteAsync(new ProblemDetailsContext { HttpContext = ctx.HttpContext, ProblemDetails = problem });
                    },
                    // Browsers and wx.connectSocket cannot set headers on a WebSocket: the hub takes the token from the query.
                    OnMessageReceived = ctx =>
                    {
                        if (ctx.HttpContext.Request.Path.StartsWithSegments(EventsHub.Path)
                            && ctx.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                            ctx.Token = token;
                        return Task.CompletedTask;
                    },
                };
            });
        // Deny by default: every endpoint needs a signed-in caller unless it opts out explicitly.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    private static void AddLoginRateLimit(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The body is the usual problem (status-code pages); the client also learns when to try again.
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                return ValueTask.CompletedTask;
            };
            // Anonymous sign-in only: per address, sized for many people behind one. Signed-in calls and refreshes are
            // limited per user (UserRateLimits).
            o.AddPolicy(AuthApi.LoginRateLimit, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.LoginPermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
    }
}
