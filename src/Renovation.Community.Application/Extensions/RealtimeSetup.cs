using Microsoft.Extensions.DependencyInjection.Extensions;
using Renovation.Community.Application.Features.Realtime;

namespace Renovation.Community.Application.Extensions;

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

        var signalR = builder.Services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new Common.Time.Timestamps.Json()));
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            builder.Services.AddRedisConnection(redis);
            // The backplane rides on the process's one connection rather than opening a second of its own.
            signalR.AddStackExchangeRedis(o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("renovation"));
            builder.Services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>()
                .Configure<IServiceProvider>((o, sp) => o.ConnectionFactory = _ =>
                    Task.FromResult(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>()));
        }
        return builder;
    }

    /// <summary>
    /// The process's one Redis connection (SignalR backplane, live memberships, WeChat access-token store), made on
    /// first use from <c>ConnectionStrings:Redis</c>. It is named after the host and process, so <c>CLIENT LIST</c>
    /// shows which node holds which connection.
    /// </summary>
    public static IServiceCollection AddRedisConnection(this IServiceCollection services, string configuration)
    {
        services.TryAddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ =>
        {
            var options = StackExchange.Redis.ConfigurationOptions.Parse(configuration);
            options.ClientName ??= $"renovation-{Environment.MachineName}-{Environment.ProcessId}";
            return StackExchange.Redis.ConnectionMultiplexer.Connect(options);
        });
        return services;
    }
}
