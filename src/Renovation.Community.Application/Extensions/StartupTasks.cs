using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.DemoData;

namespace Renovation.Community.Application.Extensions;

public static class StartupTasks
{
    /// <summary>Migrations (<c>Database:MigrateOnStart</c>) and demo data (<c>DemoData:Seed</c>) before the server listens.</summary>
    public static WebApplicationBuilder AddStartupTasks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddScoped<StoryDemo>();
        builder.Services.AddHostedService<StartupWork>();
        return builder;
    }

    private sealed class StartupWork(IServiceProvider services, IConfiguration config, ILogger<StartupWork> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            if (config.GetValue("Database:MigrateOnStart", true))
                await DatabaseSetup.MigrateAsync(services, ct);
            if (config.GetValue("DemoData:Seed", false))
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
                // The body is an argument, not template text: a template without arguments is logged unformatted, so
                // escaped braces ("{{") would reach the log doubled.
                logger.LogInformation("Demo data ready: sign in with POST /api/v1/auth/dev-login {Body}", """{"username":"resident-a"}""");
            }
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
