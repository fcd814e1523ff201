using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Notices;

namespace Renovation.Community.Tests.QuickStart;

/// <summary>
/// The README's quick-start as a newcomer runs it: its own bash blocks, unchanged but for the API's address, with
/// curl and jq against the API as a real process in Development with nothing changed but where the database lives (so
/// the embedded WeChat simulator, the seeded story, the subscribe templates and every time rule are the defaults).
/// A hub connection held as the resident meanwhile proves step 5's "arrives at once".
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
        var blocks = ReadmeQuickStartBlocks();
        Assert.Equal(6, blocks.Count);
        var script = "set -euo pipefail\n" + string.Join($"\necho '{StepMark}'\n", blocks) +
            $"\necho '{StepMark}'\nprintf '%s\\n' \"$C\" \"$OPEN\" \"$CLOSED\"\n";
        script = script.Replace("http://localhost:5080", url.ToString().TrimEnd('/'), StringComparison.Ordinal);

        var token = await DevLoginTokenAsync(url, "resident-a");
        var (connection, inbox) = await NoticesWorld.Connect(url, () => Task.FromResult(token));
        await using (connection)
        {
            var (exitCode, output, errors) = await RunBashAsync(script, ("SIM", simulator));
            Assert.True(exitCode == 0, $"The README's commands failed ({exitCode}):\n{errors}\n{output}");
            var steps = output.Split(StepMark + "\n");
            Assert.Equal(7, steps.Length);

            var ids = steps[6].Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), $"Not one id: '{id}' (step outputs:\n{output})"));

            // 2. The plan in publicity, its answered comment, and the resident's own comment published.
            Assert.Contains("\"state\": \"InPublicity\"", steps[1]);
            Assert.Matches("\"answer\": \"[^\"]+\"", steps[1]);
            Assert.Contains("\"moderation\":\"Published\"", steps[1]);
            // 3. A ballot receipt.
            Assert.Matches("\"receipt\":\"[0-9a-f]{64}\"", steps[2]);
            // 4. The record of the closed vote: passed, with ballots and a final link.
            var record = JsonDocument.Parse(steps[3]).RootElement;
            Assert.True(record.GetProperty("result").GetProperty("passed").GetBoolean(), steps[3]);
            Assert.True(record.GetProperty("ballots").GetInt32() > 0, steps[3]);
            Assert.Matches("^[0-9a-f]{64}$", record.GetProperty("finalLink").GetString());
            // 5. The notice replayed by the catch-up endpoint, and heard live on the hub while the script ran.
            Assert.Contains($"\"{NoticeEvents.Published}\"", steps[4]);
            var heard = false;
            while (inbox.Reader.TryRead(out var envelope))
                heard |= envelope.Kind == NoticeEvents.Published;
            Assert.True(heard, "The resident's hub connection did not hear notice.published.");
            // 6. The template, the recorded consent, and the subscribe message in the simulator's inbox.
            Assert.Contains("\"templateId\":\"dev-notice-published\"", steps[5]);
            Assert.Contains("\"remaining\":1", steps[5]);
            Assert.Contains("\"templateId\": \"dev-notice-published\"", steps[5]);
        }
    }

    /// <summary>The bash blocks of the README's "Quick-start" section, without the list's indentation.</summary>
    private static List<string> ReadmeQuickStartBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf("## Quick-start", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The README has no Quick-start section.");
        return Regex.Matches(readme[start..end], @"^( *)```bash\n(.*?)^ *```", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => string.Join('\n', m.Groups[2].Value.Split('\n')
                .Select(line => line.StartsWith(m.Groups[1].Value, StringComparison.Ordinal) ? line[m.Groups[1].Value.Length..] : line)))
            .ToList();
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunBashAsync(string script, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await bash.WaitForExitAsync(timeout.Token);
        return (bash.ExitCode, await output, await errors);
    }

    private static async Task<string> DevLoginTokenAsync(Uri url, string username)
    {
        using var client = new HttpClient { BaseAddress = url };
        var login = await (await client.PostJson("/api/v1/auth/dev-login", new { username }))
            .ShouldBe<JsonElement>(System.Net.HttpStatusCode.OK);
        return login.GetProperty("tokens").GetProperty("accessToken").GetString()!;
    }
}
