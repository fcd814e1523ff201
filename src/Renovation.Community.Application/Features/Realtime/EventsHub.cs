using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Renovation.Community.Application.Common.Authorization;

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
