using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.DemoData;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Notices;

namespace Renovation.Community.Tests.QuickStart;

/// <summary>
/// The README's quick-start, call by call, against the API as a newcomer runs it: a real process in Development with
/// nothing changed but where the database lives (so the embedded WeChat simulator, the seeded story, the subscribe
/// templates and every time rule are the defaults).
/// </summary>
public sealed class QuickStartWalkthroughTests
{
    [Fact]
    public async Task A_newcomer_reads_the_plan_votes_sees_a_result_record_hears_a_notice_and_consents_on_default_settings()
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
            await Walk(process.Url, () => process.Output);
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

    private static async Task Walk(Uri url, Func<string> output)
    {
        // 1. Sign in as the demo resident and find the community.
        var (resident, token) = await SignIn(url, "resident-a");
        var me = await (await resident.GetAsync("/api/v1/me")).ShouldBe<MeResponse>(HttpStatusCode.OK);
        var communityId = me.Units[0].CommunityId;

        // 2. Read the plan in publicity, with a resident's comment and the street's answer; comment yourself.
        var projects = await (await resident.GetAsync($"/api/v1/projects?communityId={communityId}"))
            .ShouldBe<Page<ProjectSummary>>(HttpStatusCode.OK);
        var project = await (await resident.GetAsync($"/api/v1/projects/{Assert.Single(projects.Items).Id}"))
            .ShouldBe<ProjectView>(HttpStatusCode.OK);
        Assert.Equal(ProjectState.Scheduled, project.State);
        Assert.True(project.Qualification.MeetsConsentRule);
        Assert.Equal(nameof(PlanState.InPublicity), project.CurrentPlanState);
        var planId = project.CurrentPlanId!.Value;
        var comments = await (await resident.GetAsync($"/api/v1/plans/{planId}/comments"))
            .ShouldBe<Page<CommentView>>(HttpStatusCode.OK);
        Assert.Contains(comments.Items, c => c.Answer is not null);
        var mine = await (await resident.PostJson($"/api/v1/plans/{planId}/comments", new { kind = "Comment", text = "支持改造，希望尽快开工。" }))
            .ShouldBe<CommentView>(HttpStatusCode.Created);
        Assert.Equal(Moderation.Published, mine.Moderation);

        // 3. Cast a ballot in the open vote.
        var votes = await (await resident.GetAsync($"/api/v1/communities/{communityId}/votes"))
            .ShouldBe<Page<VoteView>>(HttpStatusCode.OK);
        var open = Assert.Single(votes.Items, v => v.State == VoteState.Open);
        var ballot = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/votes/{open.Id}/ballots")
        {
            Content = JsonContent(new { choice = "Agree" }),
        };
        ballot.Headers.Add("Idempotency-Key", "my-secret-ballot-key-" + Guid.NewGuid().ToString("N")[..12]);
        var receipt = await (await resident.SendAsync(ballot)).ShouldBe<BallotReceipt>(HttpStatusCode.Created);
        Assert.Equal(64, receipt.Receipt.Length);

        // 4. The closed vote's published record: totals, the roll, every ballot in its hash chain.
        var closed = Assert.Single(votes.Items, v => v.State == VoteState.Closed && v.Title == StoryDemo.ClosedVoteTitle);
        var record = await (await resident.GetAsync($"/api/v1/votes/{closed.Id}/record")).ShouldBe<JsonElement>(HttpStatusCode.OK);
        Assert.True(record.GetProperty("vote").GetProperty("result").GetProperty("passed").GetBoolean());
        var ballots = record.GetProperty("ballots");
        Assert.True(ballots.GetArrayLength() > 0);
        Assert.Equal(ballots[ballots.GetArrayLength() - 1].GetProperty("linkHash").GetString(), record.GetProperty("finalLink").GetString());

        // 5. A live notice: connected to the hub, the resident hears the committee's notice as it is published.
        var (connection, inbox) = await NoticesWorld.Connect(url, () => Task.FromResult(token));
        await using (connection)
        {
            var (committee, _) = await SignIn(url, "committee-a");
            await (await committee.PostJson("/api/v1/notices", new
            {
                targetKind = "Community", targetId = communityId, title = "停水通知", body = "明日 8:00 至 12:00 停水，请提前储水。",
            })).ShouldBe<JsonElement>(HttpStatusCode.Created);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while ((await inbox.Reader.ReadAsync(timeout.Token)).Kind != NoticeEvents.Published)
            {
            }
        }

        // 6. Consent to a subscribe message with a template Development configures.
        var templates = await (await resident.GetAsync("/api/v1/subscriptions/templates"))
            .ShouldBe<List<SubscribeTemplateView>>(HttpStatusCode.OK);
        var template = Assert.Single(templates, t => t.EventKind == NoticeEvents.Published);
        var consent = await (await resident.PostJson("/api/v1/subscriptions", new { templateId = template.TemplateId, result = "Accept" }))
            .ShouldBe<ConsentView>(HttpStatusCode.OK);
        Assert.Equal(1, consent.Remaining);
        // The consent taught the simulator (wx.requestSubscribeMessage's stand-in): a notice is delivered as a subscribe
        // message, which the simulator's inbox shows once the sweep (every 30 s by default) has run.
        var (committeeAgain, _) = await SignIn(url, "committee-a");
        await (await committeeAgain.PostJson("/api/v1/notices", new
        {
            targetKind = "Community", targetId = communityId, title = "电梯检修通知", body = "周六上午电梯检修。",
        })).ShouldBe<JsonElement>(HttpStatusCode.Created);
        var simulator = new Uri(Regex.Match(output(), @"WeChat simulator \(login, pay page\): (\S+)").Groups[1].Value);
        using var simulatorHttp = new HttpClient { BaseAddress = simulator };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var messages = await (await simulatorHttp.GetAsync($"/simulator/subscribe-messages?openid={Uri.EscapeDataString(AuthApi.DevOpenId("resident-a"))}"))
                .ShouldBe<JsonElement>(HttpStatusCode.OK);
            // The one-time consent goes to the first notice the sweep reaches after it: step 5's, if not yet swept, or this one.
            if (messages.EnumerateArray().Any(m => m.GetProperty("templateId").GetString() == template.TemplateId))
                break;
            Assert.True(DateTime.UtcNow < deadline, $"No subscribe message reached the simulator's inbox: {messages}");
            await Task.Delay(1000);
        }
    }

    private static async Task<(HttpClient Client, string Token)> SignIn(Uri url, string username)
    {
        var client = new HttpClient { BaseAddress = url };
        var login = await (await client.PostJson("/api/v1/auth/dev-login", new { username }))
            .ShouldBe<JsonElement>(HttpStatusCode.OK);
        var token = login.GetProperty("tokens").GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, token);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, Json.Options), System.Text.Encoding.UTF8, "application/json");
}
