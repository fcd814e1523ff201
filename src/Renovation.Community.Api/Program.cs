using Renovation.Community.Api;
using Renovation.Community.Application.Common;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Extensions;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Payments.Reconciliation;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Application.Jobs;

try
{
    // Settings ship beside the binary; relative data paths (./data) stay relative to where the command runs.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
    });
    builder.AddDatabase();
    builder.AddStartupTasks();
    builder.AddApiServices();
    builder.AddKnownProxies();
    builder.AddTelemetry();
    await builder.AddWeChatAsync(EmbeddedWeChatSimulator.StartAsync);
    builder.AddRealtime();
    builder.AddProjects();
    builder.AddVoting();
    builder.AddNotices();
    builder.AddPayments();
    builder.AddReconciliation();
    builder.AddMeetings();
    builder.AddServices();
    builder.AddFund();
    builder.AddJobs((q, o) => q.AddSweep<PublicitySweep>(o).AddSweep<VotingSweep>(o)
        .AddSweep<NoticeSweep>(o).AddSweep<SubscribeMessageSweep>(o)
        .AddSweep<PaymentSweep>(o).AddReconciliationJob()
        .AddSweep<MeetingsSweep>(o).AddSweep<ServicesSweep>(o)
        .AddSweep<FundSweep>(o));
    builder.AddOpenApiDocs();
    builder.AddHealth();

    var app = builder.Build();
    if (args.Contains("migrate"))
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        Console.WriteLine("Migrations applied.");
        return 0;
    }
    if (args.Contains(GrantRoleCommand.Verb))
        return await GrantRoleCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
    app.UseApiPipeline();
    app.MapApi();
    app.AnnounceDocs();
    await app.RunAsync();
    return 0;
}
catch (ConfigurationProblem problem)
{
    Console.Error.WriteLine($"Configuration error: {problem.Message}");
    return 2;
}

/// <summary>Visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
