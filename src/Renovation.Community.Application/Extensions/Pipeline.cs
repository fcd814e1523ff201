using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Common.Http;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Features.Audit;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Payments.Reconciliation;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Application.Features.Voting;

namespace Renovation.Community.Application.Extensions;

public static class Pipeline
{
    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        app.UseKnownProxies();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<DiscardUploadsOfFailedRequests>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<UserRateLimitMiddleware>();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The table of contents of the HTTP API.</summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        // Every route can answer with these problems; documenting them once keeps the OpenAPI document honest.
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ValidationFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapAuthApi();
        api.MapMeApi();
        api.MapBindingsApi();
        api.MapRoleGrantsApi();
        api.MapPlacesApi();
        api.MapCommunitiesApi();
        api.MapRegisterApi();
        api.MapEventsApi();
        api.MapAuditApi();
        api.MapProjectsApi();
        api.MapProposalsApi();
        api.MapVotingApi();
        api.MapNoticesApi();
        api.MapPaymentsApi();
        app.MapPaymentNotifications();
        api.MapReconciliationApi();
        api.MapMeetingsApi();
        api.MapServicesApi();
        api.MapFundApi();
        app.MapHub<EventsHub>(EventsHub.Path);
        app.MapHealth();
        app.MapTelemetry();
        app.MapOpenApiDocs();
        return app;
    }

    /// <summary>Tells whoever started the quick-start where to click.</summary>
    public static WebApplication AnnounceDocs(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            foreach (var address in addresses ?? [])
                app.Logger.LogInformation("API reference: {Url}/docs", address.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost"));
        });
        return app;
    }
}
