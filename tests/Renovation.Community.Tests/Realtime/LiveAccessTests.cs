using System.Net;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Realtime;

/// <summary>An open hub connection follows its user's bindings: no reconnect is needed to gain or lose a community.</summary>
public sealed class LiveAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Approval_adds_and_revocation_removes_the_community_on_an_open_connection()
    {
        var demo = await Demo.Of(api);
        using var anonymous = api.CreateClient();
        var login = await (await anonymous.PostJson("/api/v1/auth/wechat-login", new { code = "live-" + Guid.NewGuid().ToString("N") }))
            .ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        var token = login.Tokens.AccessToken;
        var resident = api.CreateClientWithToken(() => Task.FromResult(token));
        var (connection, inbox) = await LiveEvents.ConnectAsync(api.ServerAddress, () => Task.FromResult<string?>(token));
        await using var _ = connection;

        var unitId = await api.WithDb(db => db.Units
            .Where(u => u.CommunityId == demo.CommunityA && u.OwnerParty!.Kind == OwnerPartyKind.Person && !db.UnitBindings.Any(b => b.UnitId == u.Id))
            .OrderBy(u => u.Id).Skip(Random.Shared.Next(0, 50)).Select(u => u.Id).FirstAsync());
        var binding = await (await resident.PostJson("/api/v1/bindings", new { unitId, name = "王五", idLast4 = "123X", certificateNumber = "证" }))
            .ShouldBe<BindingView>(HttpStatusCode.Created);
        var committee = await api.ClientFor("committee-a");
        Assert.Equal(HttpStatusCode.OK, (await committee.PostJson($"/api/v1/bindings/{binding.Id}/approve", Confirmed.Mismatch)).StatusCode);

        // Approved while connected: the community's events arrive on the same connection.
        await Emit("live.community", Audience.Community(demo.CommunityA));
        Assert.Equal("live.community", (await NextOtherThan(inbox, "binding.")).Kind);

        Assert.Equal(HttpStatusCode.OK, (await committee.PostAsync($"/api/v1/bindings/{binding.Id}/revoke", null)).StatusCode);
        // Revoked: a community event is no longer delivered; the user's own events still are, in sequence order.
        await Emit("live.community.after-revoke", Audience.Community(demo.CommunityA));
        await Emit("live.user", Audience.User(login.UserId));
        Assert.Equal("live.user", (await NextOtherThan(inbox, "binding.")).Kind);
    }

    private Task Emit(string kind, Audience audience) => api.WithDb(async db =>
    {
        db.OutboxEvents.Add(new OutboxEvent(kind, audience, "{}", api.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    });

    private static async Task<EventEnvelope> NextOtherThan(Channel<EventEnvelope> inbox, string prefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var next = await inbox.Reader.ReadAsync(timeout.Token);
            if (!next.Kind.StartsWith(prefix, StringComparison.Ordinal))
                return next;
        }
    }
}
