using Renovation.Community.Api.Common;
using Renovation.Community.Api.Data;
using Renovation.Community.Api.Extensions;
using Renovation.Community.Api.Features.Meetings;
using Renovation.Community.Api.Features.Fund;
using Renovation.Community.Api.Features.Notices;
using Renovation.Community.Api.Features.Payments;
using Renovation.Community.Api.Features.Payments.Reconciliation;
using Renovation.Community.Api.Features.Projects;
using Renovation.Community.Api.Features.Proposals;
using Renovation.Community.Api.Features.Services;
using Renovation.Community.Api.Features.Voting;
using Renovation.Community.Api.Jobs;

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
    await builder.AddWeChatAsync();
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
