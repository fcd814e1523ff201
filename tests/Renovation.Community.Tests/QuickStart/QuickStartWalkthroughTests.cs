using System.Globalization;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Notices;

namespace Renovation.Community.Tests.QuickStart;

/// <summary>
/// The README's walk-through as a newcomer runs it: the bash blocks of its quick-start and of every "Try …" section,
/// in order and unchanged but for the API's address, with curl and jq against the API as a real process in
/// Development with nothing changed but where the database lives (so the embedded WeChat simulator, the seeded story,
/// the subscribe templates and every time rule are the defaults). Each block ends by asserting what it shows with
/// <c>jq -e</c> (<see cref="ReadmeWalkShapeTests"/>); the run stops at an error, an empty or null answer, an error
/// answer the block did not expect, or a false assertion (<see cref="ReadmeWalk.Script"/>). A hub connection held as
/// the resident meanwhile proves step 5's "arrives at once".
/// </summary>
public sealed class QuickStartWalkthroughTests
{
    private const string StepMark = "<<readme-step>>";

    [QuickStartFact]
    public async Task The_readme_quick_start_runs_as_written_and_every_step_shows_what_it_promises()
    {
        var connectionString = TestDatabase.NewConnectionString($"rcqs_{Guid.NewGuid():N}");
        var data = Path.Combine(Path.GetTempPath(), "renovation-tests", $"quick-start-data_{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.Provider.ToString(),
            [$"ConnectionStrings:{TestDatabase.Provider}"] = connectionString,
            ["Files:Root"] = Path.Combine(Path.GetTempPath(), "renovation-tests", $"files_{Guid.NewGuid():N}"),
            // What the quick-start keeps under ./data besides the database, kept apart from other tests' processes.
            ["WeChat:Simulator:StateDirectory"] = Path.Combine(data, "wechat-simulator"),
            ["Fund:StatementLinkKeyFile"] = Path.Combine(data, "statement-link.key"),
        };
        using var process = await ApiProcess.StartAsync(settings, ApiProcess.FreePort(), seed: true, environment: "Development");
        try
        {
            await Walk(process.Url, process.Output);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e}\n--- API output ---\n{process.Output}");
        }
        finally
        {
            await TestDatabase.DropAsync(connectionString);
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
        }
    }

    private static async Task Walk(Uri url, string startOutput)
    {
        var simulator = Regex.Match(startOutput, @"WeChat simulator \(login, pay page\): (\S+)").Groups[1].Value.TrimEnd('/');
        Assert.NotEqual("", simulator);
        // The start's log shows the demo sign-in as a body one can copy (a template without arguments once doubled its braces).
        Assert.Contains("""dev-login {"username":"resident-a"}""", startOutput);
        Assert.DoesNotContain("{{", startOutput);

        var blocks = ReadmeWalk.Blocks();
        Assert.True(blocks.Count(b => b.Section.StartsWith("Quick-start", StringComparison.Ordinal)) == 6, "The quick-start has six steps.");
        var script = ReadmeWalk.Script(blocks, StepMark)
            .Replace("http://localhost:5080", url.ToString().TrimEnd('/'), StringComparison.Ordinal);

        var token = await DevLoginTokenAsync(url, "resident-a");
        var (connection, inbox) = await NoticesWorld.Connect(url, () => Task.FromResult(token));
        await using (connection)
        {
            var (exitCode, output, errors) = await RunBashAsync(script, ("SIM", simulator),
                (ReadmeWalk.ClockOffsetVariable, ((long)TestRunClock.Offset.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
            var ran = errors.Split('\n').LastOrDefault(line => line.StartsWith(StepMark, StringComparison.Ordinal));
            Assert.True(exitCode == 0, $"The README's walk-through failed ({exitCode}) in {ran}:\n{errors}\n--- output ---\n{output}");
            Assert.Equal(blocks.Count + 1, output.Split(StepMark + "\n").Length);

            // Quick-start step 5's "arrives at once": the resident's hub connection heard the notice while the script ran.
            var heard = false;
            while (inbox.Reader.TryRead(out var envelope))
                heard |= envelope.Kind == NoticeEvents.Published;
            Assert.True(heard, "The resident's hub connection did not hear notice.published.");
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunBashAsync(string script, params (string Name, string Value)[] environment)
    {
        // The walk writes files as a reader's shell would (downloads, an invoice to upload): in a folder of its own.
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "renovation-tests", $"readme-walk_{Guid.NewGuid():N}"));
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = folder.FullName,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var bash = Process.Start(start)!;
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await bash.WaitForExitAsync(timeout.Token);
            return (bash.ExitCode, await output, await errors);
        }
        catch (OperationCanceledException)
        {
            bash.Kill(entireProcessTree: true);
            throw;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> DevLoginTokenAsync(Uri url, string username)
    {
        using var client = new HttpClient { BaseAddress = url };
        var login = await (await client.PostJson("/api/v1/auth/dev-login", new { username }))
            .ShouldBe<JsonElement>(System.Net.HttpStatusCode.OK);
        return login.GetProperty("tokens").GetProperty("accessToken").GetString()!;
    }
}
