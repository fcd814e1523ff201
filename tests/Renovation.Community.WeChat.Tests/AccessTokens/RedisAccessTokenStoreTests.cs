using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Renovation.Community.WeChat.AccessTokens;
using StackExchange.Redis;

namespace Renovation.Community.WeChat.Tests.AccessTokens;

/// <summary>Runs against a throwaway redis-server (Debian package redis-server) on a free port.</summary>
public sealed class RedisAccessTokenStoreTests : IAsyncLifetime
{
    private Process? _redis;
    private ConnectionMultiplexer? _connection;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            _redis = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server); the Redis token store test needs it.", e);
        }
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                _connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=true,connectTimeout=500");
                return;
            }
            catch (RedisConnectionException) when (attempt < 40)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _redis?.Kill();
        _redis?.Dispose();
    }

    [Fact]
    public async Task The_Redis_store_round_trips_a_token_per_app_and_expires_the_key_with_it()
    {
        IAccessTokenStore store = new RedisAccessTokenStore(_connection!);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 7200);
        await store.SetAsync("wxapp-a", new StoredAccessToken("token-a", expiresAt));

        var read = await store.GetAsync("wxapp-a");
        var other = await store.GetAsync("wxapp-b");
        var ttl = await _connection!.GetDatabase().KeyTimeToLiveAsync("wechat:access-token:wxapp-a");

        Assert.Equal(new StoredAccessToken("token-a", expiresAt), read);
        Assert.Null(other);
        Assert.InRange(ttl!.Value.TotalSeconds, 7100, 7200);
    }

    [Fact]
    public async Task Two_nodes_sharing_Redis_see_the_same_token()
    {
        var nodeA = new RedisAccessTokenStore(_connection!);
        var nodeB = new RedisAccessTokenStore(_connection!);
        await nodeA.SetAsync("wxapp", new StoredAccessToken("shared", DateTimeOffset.UtcNow.AddHours(2)));
        Assert.Equal("shared", (await nodeB.GetAsync("wxapp"))?.Value);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
