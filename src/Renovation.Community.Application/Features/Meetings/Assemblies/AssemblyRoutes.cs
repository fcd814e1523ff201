namespace Renovation.Community.Application.Features.Meetings;

/// <summary>Maps the owners' assembly routes: convening, items, cancelling, moving, results and owners' demands.</summary>
internal static class AssemblyRoutes
{
    /// <summary>Under /communities/{communityId}: assemblies and assembly demands.</summary>
    public static void MapUnderCommunity(RouteGroupBuilder community)
    {
        community.MapPost("/assemblies", Assemblies.ConveneAsync).WithName("ConveneAssembly")
            .WithSummary("Convene an owners' assembly with its agenda (committee)")
            .WithDescription("Each item becomes an Article 278 vote opening at startsAt and closing at endsAt. Refused with 422 notice_too_short when startsAt is sooner than the assembly notice period (at least 15 days). Publishes the notice to owners and tells the street for the residents' committee.");
        community.MapGet("/assemblies", Assemblies.ListAsync).WithName("ListAssemblies")
            .WithSummary("Owners' assemblies of a community")
            .WithDescription("Anyone who can see the community; each item carries its vote's state and result.");
        community.MapGet("/assembly-demands", AssemblyDemands.ListAsync).WithName("ListAssemblyDemands")
            .WithSummary("A community's owners' demands for an extraordinary assembly, newest first")
            .WithDescription("Anyone who can see the community, so owners can find a demand to join. By default the open ones (not yet answered by an assembly); status=Gathering, Reached or Convened narrows the list. Each shows its purpose, the area and heads joined against the frozen totals, and whether it holds 20%/20%.");
        community.MapPost("/assembly-demands", AssemblyDemands.StartAsync).WithName("StartAssemblyDemand")
            .WithSummary("Owners demand an extraordinary assembly (residents)")
            .WithDescription("The starter's owner parties join at once. The demand holds when its supporters have at least 20% of the area and 20% of the owner parties (counted like a vote's electorate).");
    }

    /// <summary>One assembly and one owners' demand.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var assemblies = api.MapGroup("/assemblies/{assemblyId:guid}").WithTags("Meetings");
        assemblies.MapGet("", Assemblies.GetAsync).WithName("GetAssembly")
            .WithSummary("An owners' assembly with each item's vote")
            .WithDescription("Anyone who can see the community.");
        assemblies.MapPost("/items", Assemblies.AddItemAsync).WithName("AddAssemblyItem")
            .WithSummary("Refused: an assembly decides only the items of its notice")
            .WithDescription("Always 422 assembly_item_not_in_notice for the committee: an item not in the 15-day notice needs a new assembly.");
        assemblies.MapPost("/cancel", CancelAssembly.HandleAsync).WithName("CancelAssembly")
            .WithSummary("Call off an owners' assembly before its voting starts; its votes are cancelled")
            .WithDescription("Committee. Owners get a community notice, the street assembly.cancelled for the residents' committee. An assembly owners demanded cannot be called off (422 demanded_assembly_cannot_be_cancelled): move it instead. 409 assembly_already_started, assembly_already_finished, assembly_cancelled.");
        assemblies.MapPost("/reschedule", RescheduleAssembly.HandleAsync).WithName("RescheduleAssembly")
            .WithSummary("Move an owners' assembly before its voting starts, with a fresh notice")
            .WithDescription("Committee. The new start needs the community's assembly notice period (at least 15 days) counted from today (422 reschedule_notice_too_short with earliestStartsAt), and each item's vote the community's vote notice. The votes move with it; owners get a new notice, the street assembly.rescheduled. 409 assembly_already_started, assembly_already_finished, assembly_cancelled; a concurrent change 409 assembly_changed.");
        assemblies.MapPost("/results", Assemblies.PublishResultsAsync).WithName("PublishAssemblyResults")
            .WithSummary("Publish all items' results as one assembly record and notice")
            .WithDescription("Committee, once every item's vote has closed; due within 3 days of the close.");

        var demands = api.MapGroup("/assembly-demands/{demandId:guid}").WithTags("Meetings");
        demands.MapGet("", AssemblyDemands.GetAsync).WithName("GetAssemblyDemand")
            .WithSummary("An owners' demand and how much area and how many heads it holds")
            .WithDescription("Anyone who can see the community.");
        demands.MapPost("/supports", AssemblyDemands.JoinAsync).WithName("JoinAssemblyDemand")
            .WithSummary("A resident joins the demand for every owner party they act for")
            .WithDescription("Each owner party once (409 already_supported).");
    }
}
