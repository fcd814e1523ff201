using System.Diagnostics;
using System.Net;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

/// <summary>The local-practice figures are settings: a 3/4 threshold, a 10-day publicity and a 1 KiB attachment limit.</summary>
public sealed class StrictSettingsApiFactory : ApiFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Projects:ConsentNumerator"] = "3",
        ["Projects:ConsentDenominator"] = "4",
        ["Projects:MinPublicityDays"] = "10",
        ["Projects:MaxAttachmentBytes"] = "1024",
    };
}

public sealed class SettingsTests(StrictSettingsApiFactory api) : IClassFixture<StrictSettingsApiFactory>
{
    private readonly RenovationWorld _world = new(api);

    [Fact]
    public async Task The_consent_threshold_is_a_setting()
    {
        var community = await _world.NewCommunity(units: 4);
        var project = await _world.OpenProject(community.Id);
        Assert.Equal((3, 4), (project.Qualification.ThresholdNumerator, project.Qualification.ThresholdDenominator));
        await RenovationWorld.Answer(community.Residents[0], project.Id, consents: true);
        await RenovationWorld.Answer(community.Residents[1], project.Id, consents: true);
        // 2/4 would not pass 2/3 either; 3/4 is exactly the configured threshold.
        Assert.False((await _world.GetProject(project.Id)).Qualification.Qualifies);
        await RenovationWorld.Answer(community.Residents[2], project.Id, consents: true);
        Assert.True((await _world.GetProject(project.Id)).Qualification.Qualifies);
    }

    [Fact]
    public async Task The_minimum_publicity_length_is_a_setting()
    {
        var (_, _, plan) = await _world.ApprovedPlan();
        var now = api.Clock.GetUtcNow();
        var problem = await (await (await _world.Officer()).PostJson($"/api/v1/plans/{plan.Id}/publicity", new { startsAt = now, endsAt = now.AddDays(7) }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "publicity_too_short");
        Assert.Contains("10", problem.GetProperty("detail").GetString());
        Assert.Equal(PlanState.PublicityScheduled, (await _world.SchedulePublicity(plan.Id, now, TimeSpan.FromDays(10))).State);
    }

    [Fact]
    public async Task Attachments_over_the_size_limit_are_refused()
    {
        var (_, project) = await _world.LibraryProject();
        var officer = await _world.Officer();
        var atLimit = new byte[1024];
        Uploads.Pdf.CopyTo(atLimit, 0);
        await Uploads.Upload(officer, project.Id, atLimit, "刚好.pdf");
        var before = await RowCounts.Settled(api);
        var tooBig = new byte[1025];
        Uploads.Pdf.CopyTo(tooBig, 0);
        var problem = await (await Uploads.Send(officer, project.Id, tooBig, "太大.pdf"))
            .ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "attachment_too_large");
        Assert.Equal(1024, problem.GetProperty("maxBytes").GetInt64());
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [InlineData("--Projects:ConsentNumerator=4", "--Projects:ConsentDenominator=3", "Configuration error: Projects:ConsentNumerator must not exceed Projects:ConsentDenominator (a threshold above 100% can never be met).")]
    [InlineData("--Projects:MinPublicityDays=0", "--Projects:ConsentDenominator=3", "Configuration error: Projects:MinPublicityDays must be at least 1.")]
    public async Task Impossible_project_settings_stop_the_start_with_one_line(string first, string second, string expected)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Renovation.Community.Api.dll"), first, second,
                     "--Auth:SigningKey=" + new string('k', 40), "--ConnectionStrings:Sqlite=Data Source=/tmp/rc-never-created.db" })
            info.ArgumentList.Add(argument);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(2, process.ExitCode);
        Assert.Equal(expected, stderr.Trim());
    }
}
