namespace Renovation.Community.Application.Features.Meetings;

/// <summary>Owners' committee meetings and owners' assemblies (rule book §4; docs/meetings.md).</summary>
/// <remarks>Each capability maps its own routes; the calls keep the order they are published in the OpenAPI document.</remarks>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        var community = api.MapGroup("/communities/{communityId:guid}").WithTags("Meetings");
        CommitteeRoutes.MapUnderCommunity(community);
        AssemblyRoutes.MapUnderCommunity(community);

        CommitteeRoutes.Map(api);
        AssemblyRoutes.Map(api);
        return api;
    }
}
