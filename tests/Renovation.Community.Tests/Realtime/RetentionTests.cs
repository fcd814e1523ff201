using System.Net;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Realtime;

public sealed class RetentionFactory : ApiFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Realtime:RetentionDays"] = "30" };
}

public sealed class RetentionTests(RetentionFactory api) : IClassFixture<RetentionFactory>
{
    private async Task AddEvents(Guid userId, int count, string kind) => await api.WithDb(async db =>
    {
        var outbox = new EventOutbox(db, api.Clock, Options.Create(new JsonOptions()));
        for (var i = 0; i < count; i++)
            outbox.Add(kind, Audience.User(userId), new { i });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Published_events_past_the_retention_are_pruned_and_clients_learn_what_is_gone()
    {
        var (client, userId) = await api.NewWeChatUser();
        var dispatcher = api.Services.GetRequiredService<OutboxDispatcher>();
        await AddEvents(userId, 3, "test.old");
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None)) { }

        api.Clock.Advance(TimeSpan.FromDays(31));
        await AddEvents(userId, 2, "test.new");
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None)) { }
        // The dispatcher prunes on its own every ten minutes of its clock; this makes sure a round has run.
        await dispatcher.PruneAsync(CancellationToken.None);

        var kinds = await api.WithDb(db => db.OutboxEvents.Where(e => e.Audience == Audience.User(userId).Key).Select(e => e.Kind).ToListAsync());
        Assert.Equal(["test.new", "test.new"], kinds);
        var batch = await (await client.GetAsync("/api/v1/events?after=0")).ShouldBe<EventBatch>(HttpStatusCode.OK);
        Assert.Equal(["test.new", "test.new"], batch.Events.Select(e => e.Kind));
        // The client asked from 0, below what is kept: it knows it missed events and reloads.
        Assert.True(batch.EarliestSequence > 1);
        Assert.Equal(batch.Events[0].Sequence, batch.EarliestSequence);

        // Numbering continues after pruning: the newest event is never deleted.
        await AddEvents(userId, 1, "test.after");
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None)) { }
        var after = await (await client.GetAsync($"/api/v1/events?after={batch.LastSequence}")).ShouldBe<EventBatch>(HttpStatusCode.OK);
        Assert.Equal(batch.LastSequence + 1, Assert.Single(after.Events).Sequence);
    }
}
