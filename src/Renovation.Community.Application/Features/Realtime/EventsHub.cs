using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Events;

namespace Renovation.Community.Application.Features.Realtime;

/// <summary>
/// The one hub clients connect to. On connect the caller joins a group per audience it belongs to; the server
/// only pushes (<c>event</c> messages), clients never send. <see cref="LiveMemberships"/> moves the connection
/// between groups when the user's bindings or roles change.
/// <para>SignalR answers the handshake before <see cref="OnConnectedAsync"/> runs, and joining a group through the
/// Redis backplane is a subscription round trip: an event sent in between never reaches the new connection. So the
/// hub sends <c>ready</c> once every group is joined; a client catches up (<c>GET /events?after=</c>) after
/// <c>ready</c>, not after the handshake, and so misses nothing.</para>
/// </summary>
[Authorize]
public sealed class EventsHub(Access access, LiveMemberships memberships) : Hub
{
    public const string Path = "/hubs/events";
    public const string EventMethod = "event";
    public const string ReadyMethod = "ready";

    public override async Task OnConnectedAsync()
    {
        var scope = await access.ScopeAsync(Context.ConnectionAborted);
        var groups = AudienceResolver.For(scope).Select(a => a.Key).ToList();
        foreach (var group in groups)
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        memberships.Joined(Context.ConnectionId, scope.UserId, groups);
        await base.OnConnectedAsync();
        await Clients.Caller.SendAsync(ReadyMethod, Context.ConnectionAborted);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        memberships.Left(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>The audiences a caller belongs to: used for hub groups and for the catch-up query alike.</summary>
public static class AudienceResolver
{
    public static IReadOnlyList<Audience> For(CallerScope scope)
    {
        var audiences = new HashSet<Audience> { Audience.User(scope.UserId) };
        foreach (var unit in scope.Units)
        {
            audiences.Add(Audience.Unit(unit.UnitId));
            audiences.Add(Audience.Building(unit.BuildingId));
            audiences.Add(Audience.Community(unit.CommunityId));
            audiences.Add(Audience.Street(unit.StreetId));
        }
        foreach (var grant in scope.Grants)
        {
            audiences.Add(Audience.RoleHolders(grant.Role, grant.ScopeId));
            if (grant.Role is Role.CommitteeMember or Role.CommitteeChair)
                audiences.Add(Audience.Community(grant.ScopeId!.Value));
            if (grant.Role == Role.StreetOfficer)
                audiences.Add(Audience.Street(grant.ScopeId!.Value));
        }
        return [.. audiences];
    }
}
