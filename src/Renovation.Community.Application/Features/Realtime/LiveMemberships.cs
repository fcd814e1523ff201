using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Observability;
using StackExchange.Redis;

namespace Renovation.Community.Application.Features.Realtime;

/// <summary>
/// Keeps each hub connection's groups in step with its user's bindings and roles. A connection's groups are
/// recorded on the node that holds it; when access changes, every node re-reads the user's scope and adds or removes
/// groups of its own connections. Nodes hear of the change through a Redis channel when the backplane is configured
/// (SignalR group operations only reach connections of the node that performs them), else only this node exists.
/// A revoked binding or role so stops the community's events within the time of one database read.
/// </summary>
public sealed class LiveMemberships(IHubContext<EventsHub> hub, IServiceScopeFactory scopes, IServiceProvider services,
    ProductMetrics metrics, ILogger<LiveMemberships> logger) : IAccessChanges, IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("renovation:access-changed");
    // The connections this node tracks are the ones it holds: the live-connection gauge reads their count.
    private readonly ConcurrentDictionary<string, (Guid UserId, HashSet<string> Groups)> _connections = Observed(metrics);

    private static ConcurrentDictionary<string, (Guid UserId, HashSet<string> Groups)> Observed(ProductMetrics metrics)
    {
        var connections = new ConcurrentDictionary<string, (Guid UserId, HashSet<string> Groups)>();
        metrics.ObserveLiveConnections(() => connections.Count);
        return connections;
    }

    public void Joined(string connectionId, Guid userId, IEnumerable<string> groups) =>
        _connections[connectionId] = (userId, [.. groups]);

    public void Left(string connectionId) => _connections.TryRemove(connectionId, out _);

    public async Task ChangedAsync(Guid userId, CancellationToken ct)
    {
        if (services.GetService<IConnectionMultiplexer>() is { } redis)
            await redis.GetSubscriber().PublishAsync(Channel, userId.ToString());
        else
            await ResyncAsync(userId, ct);
    }

    private async Task ResyncAsync(Guid userId, CancellationToken ct)
    {
        var mine = _connections.Where(c => c.Value.UserId == userId).ToList();
        if (mine.Count == 0)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var access = new Access(scope.ServiceProvider.GetRequiredService<IScopeStore>(), new FixedActor(userId));
        var now = AudienceResolver.For(await access.ScopeAsync(ct)).Select(a => a.Key).ToHashSet();
        foreach (var (connectionId, (_, groups)) in mine)
        {
            foreach (var group in groups.Except(now).ToList())
                await hub.Groups.RemoveFromGroupAsync(connectionId, group, ct);
            foreach (var group in now.Except(groups).ToList())
                await hub.Groups.AddToGroupAsync(connectionId, group, ct);
            _connections[connectionId] = (userId, now);
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
            return;
        await redis.GetSubscriber().SubscribeAsync(Channel, (channel, message) =>
        {
            if (Guid.TryParse(message.ToString(), out var userId))
                _ = ResyncAsync(userId, CancellationToken.None).ContinueWith(
                    t => logger.LogWarning(t.Exception, "Could not resync hub groups after an access change"),
                    TaskContinuationOptions.OnlyOnFaulted);
        });
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private sealed class FixedActor(Guid userId) : ICurrentActor
    {
        public Guid? UserId => userId;
        public string? CorrelationId => null;
    }
}
