using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.Realtime;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>A real SignalR client on the events hub, as the mini-program uses it.</summary>
public static class LiveEvents
{
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Connects and returns once the hub said <c>ready</c> (every group joined): the handshake alone comes before the
    /// joins, and an event sent in between would never arrive.
    /// </summary>
    public static async Task<(HubConnection Connection, Channel<EventEnvelope> Inbox)> ConnectAsync(Uri server,
        Func<Task<string?>> token, bool tokenInQuery = false)
    {
        var inbox = Channel.CreateUnbounded<EventEnvelope>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = new Uri(server, EventsHub.Path);
        if (tokenInQuery)
            url = new Uri(url, $"?access_token={Uri.EscapeDataString(await token() ?? "")}");
        var connection = new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (!tokenInQuery)
                    o.AccessTokenProvider = token;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions = Json.Options)
            .Build();
        connection.On<EventEnvelope>(EventsHub.EventMethod, e => inbox.Writer.TryWrite(e));
        connection.On(EventsHub.ReadyMethod, () => ready.TrySetResult());
        await connection.StartAsync();
        await ready.Task.WaitAsync(ReadyWait);
        return (connection, inbox);
    }
}
