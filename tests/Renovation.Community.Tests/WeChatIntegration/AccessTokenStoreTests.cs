using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.WeChatIntegration;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChat.AccessTokens;

namespace Renovation.Community.Tests.WeChatIntegration;

public sealed class DatabaseTokenStoreFactory : ApiFactory
{
    // Its settings do not touch the demo data: it starts on a copy of the run's seeded template.
    protected override bool SharesSeededTemplate => true;

    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["WeChat:AccessTokenStore"] = "Database" };
}

public sealed class AccessTokenStoreTests(DatabaseTokenStoreFactory api) : IClassFixture<DatabaseTokenStoreFactory>
{
    [Fact]
    public async Task With_the_database_store_the_access_token_is_fetched_once_and_shared_through_the_database()
    {
        Assert.IsType<DatabaseAccessTokenStore>(api.Services.GetRequiredService<IAccessTokenStore>());
        var provider = api.Services.GetRequiredService<IAccessTokenProvider>();
        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetAsync().AsTask()));

        Assert.Single(tokens.Distinct());
        var stored = await api.WithDb(db => db.WeChatAccessTokens.SingleAsync());
        Assert.Equal(api.WeChat.ClientSettings.AppId, stored.AppId);
        Assert.Equal(tokens[0], stored.Value);
        Assert.True(stored.ExpiresAt > api.Clock.GetUtcNow().AddMinutes(100));
    }

    [Fact]
    public async Task A_second_store_reads_the_token_the_first_one_wrote()
    {
        var store = api.Services.GetRequiredService<IAccessTokenStore>();
        var expires = api.Clock.GetUtcNow().AddHours(2);
        await store.SetAsync("wx-other-app", new StoredAccessToken("token-one", expires));
        await store.SetAsync("wx-other-app", new StoredAccessToken("token-two", expires));
        var other = new DatabaseAccessTokenStore(api.Services.GetRequiredService<IServiceScopeFactory>());
        Assert.Equal("token-two", (await other.GetAsync("wx-other-app"))!.Value);
        Assert.Null(await other.GetAsync("wx-unknown"));
    }
}
