using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Renovation.Community.Api.Common.Files;
using Renovation.Community.Api.Common.Http;
using Renovation.Community.Api.Common.Validation;
using Renovation.Community.Api.Features.Audit;
using Renovation.Community.Api.Features.Identity;
using Renovation.Community.Api.Features.Meetings;
using Renovation.Community.Api.Features.Fund;
using Renovation.Community.Api.Features.Notices;
using Renovation.Community.Api.Features.Payments;
using Renovation.Community.Api.Features.Payments.Reconciliation;
using Renovation.Community.Api.Features.Places;
using Renovation.Community.Api.Features.Projects;
using Renovation.Community.Api.Features.Proposals;
using Renovation.Community.Api.Features.Realtime;
using Renovation.Community.Api.Features.Services;
using Renovation.Community.Api.Features.Voting;

namespace Renovation.Community.Api.Extensions;

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
