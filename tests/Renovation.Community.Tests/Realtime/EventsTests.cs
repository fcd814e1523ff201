using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Realtime;

public sealed class EventsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private Task<(HubConnection Connection, Channel<EventEnvelope> Inbox)> Connect(string token) =>
        LiveEvents.ConnectAsync(api.ServerAddress, () => Task.FromResult<string?>(token));

    private static async Task<EventEnvelope> Next(Channel<EventEnvelope> inbox, string kind)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var e = await inbox.Reader.ReadAsync(timeout.Token);
            if (e.Kind == kind)
                return e;
        }
    }

    private async Task<(HttpClient Client, string Token, Guid UserId)> NewUser()
    {
        var client = api.CreateClient();
        var login = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "ev-" + Guid.NewGuid().ToString("N") }))
            .ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.Tokens.AccessToken);
        return (client, login.Tokens.AccessToken, login.UserId);
    }

    private async Task<BindingView> RequestBinding(HttpClient client, Guid communityId)
    {
        // A unit nobody has asked for yet, so one user's several requests never collide.
        var unitId = await api.WithDb(db => db.Units.Where(u => u.CommunityId == communityId && !db.UnitBindings.Any(b => b.UnitId == u.Id))
            .OrderBy(u => u.Id).Skip(Random.Shared.Next(0, 20)).Select(u => u.Id).FirstAsync());
        return await (await client.PostJson("/api/v1/bindings", new { unitId, name = "王五", idLast4 = "1234", certificateNumber = "证" }))
            .ShouldBe<BindingView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_committee_of_the_community_hears_a_binding_request_live_and_another_committee_does_not()
    {
        var demo = await Demo.Of(api);
        var (committeeA, inboxA) = await Connect(await api.TokenFor("committee-a"));
        var (committeeB, inboxB) = await Connect(await api.TokenFor("committee-b"));
        var (resident, _, _) = await NewUser();

        var binding = await RequestBinding(resident, demo.CommunityA);
        var heard = await Next(inboxA, "binding.requested");
        Assert.Equal(binding.Id, heard.Payload.GetProperty("bindingId").GetGuid());
        Assert.Equal($"role:CommitteeMember:{demo.CommunityA}", heard.Audience);
        Assert.True(heard.Sequence > 0);

        await Task.Delay(500);
        Assert.False(inboxB.Reader.TryRead(out _), "committee B must hear nothing about community A");
        await committeeA.DisposeAsync();
        await committeeB.DisposeAsync();
    }

    [Fact]
    public async Task A_resident_hears_the_approval_live_and_catches_up_on_what_was_missed()
    {
        var demo = await Demo.Of(api);
        var (resident, token, _) = await NewUser();
        var (connection, inbox) = await Connect(token);
        var first = await RequestBinding(resident, demo.CommunityA);
        var committee = await api.ClientFor("committee-a");
        await committee.PostJson($"/api/v1/bindings/{first.Id}/approve", Confirmed.Mismatch);
        var live = await Next(inbox, "binding.approved");
        Assert.Equal(first.Id, live.Payload.GetProperty("bindingId").GetGuid());
        await connection.DisposeAsync();

        // While away: one rejection and one approval.
        var second = await RequestBinding(resident, demo.CommunityA);
        var third = await RequestBinding(resident, demo.CommunityA);
        await committee.PostJson($"/api/v1/bindings/{second.Id}/reject", new { reason = "资料不全" });
        await committee.PostJson($"/api/v1/bindings/{third.Id}/approve", Confirmed.Mismatch);

        var missed = await WaitForCatchUp(resident, live.Sequence, expected: 2);
        Assert.Equal(["binding.rejected", "binding.approved"], missed.Events.Select(e => e.Kind));
        Assert.True(missed.Events[0].Sequence > live.Sequence && missed.Events[1].Sequence > missed.Events[0].Sequence);
        Assert.Equal(missed.Events[^1].Sequence, missed.LastSequence);
        Assert.False(missed.HasMore);

        // Nobody else can read them back.
        var stranger = await api.ClientFor("resident-b");
        var theirs = await (await stranger.GetAsync($"/api/v1/events?after={live.Sequence - 1}")).ShouldBe<EventBatch>(HttpStatusCode.OK);
        Assert.DoesNotContain(theirs.Events, e => e.Kind.StartsWith("binding.", StringComparison.Ordinal) && e.Audience.StartsWith("user:", StringComparison.Ordinal));
    }

    private static async Task<EventBatch> WaitForCatchUp(HttpClient client, long after, int expected)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var batch = await (await client.GetAsync($"/api/v1/events?after={after}")).ShouldBe<EventBatch>(HttpStatusCode.OK);
            if (batch.Events.Count >= expected || DateTime.UtcNow > deadline)
                return batch;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Catch_up_pages_with_limit_and_has_more()
    {
        var (resident, _, userId) = await NewUser();
        await api.WithDb(async db =>
        {
            var outbox = new EventOutbox(db, api.Clock, Microsoft.Extensions.Options.Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions()));
            for (var i = 0; i < 5; i++)
                outbox.Add("test.ping", Audience.User(userId), new { i });
            await db.SaveChangesAsync();
        });
        var all = await WaitForCatchUp(resident, 0, expected: 5);
        Assert.Equal(5, all.Events.Count);
        var firstTwo = await (await resident.GetAsync("/api/v1/events?after=0&limit=2")).ShouldBe<EventBatch>(HttpStatusCode.OK);
        Assert.Equal(2, firstTwo.Events.Count);
        Assert.True(firstTwo.HasMore);
        var rest = await (await resident.GetAsync($"/api/v1/events?after={firstTwo.LastSequence}&limit=10")).ShouldBe<EventBatch>(HttpStatusCode.OK);
        Assert.Equal([2, 3, 4], rest.Events.Select(e => e.Payload.GetProperty("i").GetInt32()));
        Assert.False(rest.HasMore);
    }

    [Theory]
    [InlineData("after=-1")]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("after=abc")]
    public async Task Catch_up_bad_input_is_400(string query)
    {
        var client = await api.ClientFor("resident-a");
        await (await client.GetAsync($"/api/v1/events?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_hub_accepts_the_token_in_the_query_string_for_websockets_and_never_logs_it()
    {
        var (resident, token, _) = await NewUser();
        var (connection, inbox) = await LiveEvents.ConnectAsync(api.ServerAddress, () => Task.FromResult<string?>(token),
            tokenInQuery: true);
        await using var _ = connection;

        var demo = await Demo.Of(api);
        var binding = await RequestBinding(resident, demo.CommunityA);
        await (await api.ClientFor("property-a")).PostJson($"/api/v1/bindings/{binding.Id}/approve", Confirmed.Mismatch);
        Assert.Equal(binding.Id, (await Next(inbox, "binding.approved")).Payload.GetProperty("bindingId").GetGuid());

        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
        var signature = token.Split('.')[2];
        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(signature, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_token()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(api.ServerAddress, EventsHub.Path)).Build();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task The_dispatcher_numbers_events_once_each_without_gaps()
    {
        var userId = await api.WithDb(db => db.Users.Select(u => u.Id).FirstAsync());
        await api.WithDb(async db =>
        {
            var outbox = new EventOutbox(db, api.Clock, Microsoft.Extensions.Options.Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions()));
            for (var i = 0; i < 450; i++)
                outbox.Add("test.bulk", Audience.User(userId), new { i });
            await db.SaveChangesAsync();
        });
        var dispatcher = api.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None)) { }
        var sequences = await api.WithDb(db => db.OutboxEvents.Where(e => e.Sequence != null).OrderBy(e => e.Sequence).Select(e => e.Sequence!.Value).ToListAsync());
        var unpublished = await api.WithDb(db => db.OutboxEvents.CountAsync(e => e.PublishedAt == null));
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.True(sequences.Count >= 450);
        Assert.Equal(0, unpublished);
    }
}
