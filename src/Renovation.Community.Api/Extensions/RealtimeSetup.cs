using Microsoft.Extensions.DependencyInjection.Extensions;
using Renovation.Community.Api.Features.Realtime;

namespace Renovation.Community.Api.Extensions;

public static class RealtimeSetup
{
    /// <summary>SignalR (with the Redis backplane when <c>Redis</c> is configured), the outbox and its dispatcher.</summary>
    public static WebApplicationBuilder AddRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RealtimeOptions>().Bind(builder.Configuration.GetSection(RealtimeOptions.Section));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        builder.Services.AddSingleton<LiveMemberships>();
        builder.Services.AddSingleton<Common.Authorization.IAccessChanges>(sp => sp.GetRequiredService<LiveMemberships>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveMemberships>());

        var signalR = builder.Services.AddSignalR();
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix =
                StackExchange.Redis.RedisChannel.Literal("renovation"));
            builder.Services.AddRedisConnection(redis);
        }
        return builder;
    }

    /// <summary>One shared Redis connection for the app's own use (the WeChat access-token store), made on first use.</summary>
    public static IServiceCollection AddRedisConnection(this IServiceCollection services, string configuration)
    {
        services.TryAddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ =>
            StackExchange.Redis.ConnectionMultiplexer.Connect(configuration));
        return services;
    }
}
