using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.ContentCheck;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.WeChatIntegration;
using Renovation.Community.WeChat.AccessTokens;
using Renovation.Community.WeChat.Configuration;

namespace Renovation.Community.Application.Extensions;

public static class WeChatSetup
{
    /// <summary>
    /// The WeChat clients. <c>WeChat:Mode</c> is <c>Real</c> (the default outside Development) or <c>Simulator</c>
    /// (the default in Development): with no <c>WeChat:MiniProgram:BaseUrl</c> given, an embedded loopback simulator
    /// is started (by <paramref name="startEmbeddedSimulator"/>, which the host brings: a Release publish has none) so the
    /// quick-start can sign in and pay without a WeChat account.
    /// </summary>
    public static async Task<WebApplicationBuilder> AddWeChatAsync(this WebApplicationBuilder builder,
        Func<WebApplicationBuilder, Task> startEmbeddedSimulator)
    {
        var config = builder.Configuration;
        var mode = config["WeChat:Mode"] ?? (builder.Environment.IsDevelopment() ? "Simulator" : "Real");
        if (!Enum.TryParse<WeChatMode>(mode, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            throw new ConfigurationProblem($"WeChat:Mode '{mode}' is unknown: use Real or Simulator.");
        if (parsed == WeChatMode.Simulator && string.IsNullOrEmpty(config["WeChat:MiniProgram:BaseUrl"]))
            await startEmbeddedSimulator(builder);

        builder.Services.AddWeChat(config);
        builder.Services.AddSingleton<IWeChatLogin, MiniProgramWeChatLogin>();
        builder.Services.AddScoped<IContentCheck, WeChatContentCheck>();
        var store = config["WeChat:AccessTokenStore"] ?? "Memory";
        switch (store.ToLowerInvariant())
        {
            case "memory":
                break;
            case "database":
                builder.Services.AddSingleton<IAccessTokenStore, DatabaseAccessTokenStore>();
                break;
            case "redis":
                if (string.IsNullOrEmpty(config.GetConnectionString("Redis")))
                    throw new ConfigurationProblem("WeChat:AccessTokenStore=Redis needs ConnectionStrings:Redis.");
                builder.Services.AddRedisConnection(config.GetConnectionString("Redis")!);
                builder.Services.AddWeChatRedisAccessTokenStore();
                break;
            default:
                throw new ConfigurationProblem($"WeChat:AccessTokenStore '{store}' is unknown: use Memory, Database or Redis.");
        }
        return builder;
    }
}
