using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Payments;
using Renovation.Community.Tests.Voting;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Observability;

/// <summary>
/// The Prometheus scrape endpoint (docs/operations.md, "Metrics and traces"): what the product's meter counts after
/// real ballots and payments, and who may read it.
/// </summary>
public sealed class MetricsScrapeTests(MetricsScrapeTests.Factory api) : IClassFixture<MetricsScrapeTests.Factory>
{
    /// <summary>Both ways out: the scrape endpoint and OTLP to a loopback collector.</summary>
    public sealed class Factory : ApiFactory
    {
        public const string ScrapeToken = "test-scrape-token-7f3c9a";

        public OtlpReceiver Collector { get; } = new();

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:ScrapeToken"] = ScrapeToken,
            ["Telemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{Collector.Port}",
            ["Telemetry:Otlp:Protocol"] = "http/protobuf",
            // Each scrape reads the outbox afresh: a read cached just after another test moved the clock by weeks would
            // show the events of that moment as weeks old.
            ["Telemetry:OutboxLagCacheSeconds"] = "0",
        };

        /// <summary>Telemetry changes nothing the demo seed writes.</summary>
        protected override bool SharesSeededTemplate => true;

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Collector.DisposeAsync();
        }
    }

    private async Task<PrometheusText> Scrape()
    {
        using var scraper = api.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Factory.ScrapeToken);
        var response = await scraper.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusText.Parse(body);
    }

    [Fact]
    public async Task A_ballot_and_payments_are_counted_once_each_on_the_scrape_endpoint()
    {
        var voting = new VotingWorld(api);
        var payments = new PaymentsWorld(api);
        var community = await voting.Community(Owner(10000));
        var vote = await voting.OpenVote(community.Id);
        var accepted = await payments.Prepay(await payments.NewSubject());
        var refusedSubject = await payments.NewSubject();
        TestPaymentPurpose.Subjects[refusedSubject].RejectWith = "名额已满";
        var refused = await payments.Prepay(refusedSubject);
        var before = await Scrape();

        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        await api.WeChat.PayAsync(accepted.Payment.OutTradeNo);
        await api.WeChat.PayAsync(refused.Payment.OutTradeNo);
        await payments.WaitFor(accepted.Payment.Id, p => p.Acceptance == PaymentAcceptanceState.Accepted);
        await payments.WaitFor(refused.Payment.Id, p => p.Acceptance == PaymentAcceptanceState.Rejected);
        // A payment is counted just after its commit, which the row shows first: scraped again until both are in.
        var after = await ScrapeUntil(s => s.Sum("renovation_payments_settled_total") > before.Sum("renovation_payments_settled_total")
                                           && s.Sum("renovation_payments_refused_total") > before.Sum("renovation_payments_refused_total"));

        double Increase(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Assert.Equal(1, Increase("renovation_ballots_recorded_total", ("channel", "online"), ("replacement", "false")));
        Assert.Equal(1, Increase("renovation_ballots_recorded_total"));
        Assert.Equal(1, Increase("renovation_payments_settled_total", ("purpose", TestPaymentPurpose.PurposeName)));
        Assert.Equal(1, Increase("renovation_payments_refused_total", ("purpose", TestPaymentPurpose.PurposeName), ("reason", "rejected_by_purpose")));
        Assert.Equal(1, Increase("renovation_payments_refused_total"));
    }

    [Fact]
    public async Task A_replayed_ballot_is_not_counted_again()
    {
        var voting = new VotingWorld(api);
        var community = await voting.Community(Owner(10000));
        var vote = await voting.OpenVote(community.Id);
        var key = VotingWorld.NewKey();
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id, Choice.Agree, key);
        var before = await Scrape();

        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = Choice.Agree }, key))
            .ShouldBe<BallotReceipt>(HttpStatusCode.OK);

        Assert.Equal(before.Sum("renovation_ballots_recorded_total"), (await Scrape()).Sum("renovation_ballots_recorded_total"));
    }

    [Fact]
    public async Task Outbox_lag_live_connections_and_sweep_runs_are_on_the_scrape_endpoint()
    {
        double SweepRuns(PrometheusText scrape) =>
            scrape.Sum("renovation_jobs_runs_total", ("job", nameof(VotingSweep)), ("outcome", "succeeded"));
        var before = SweepRuns(await Scrape());
        await api.Services.GetRequiredService<JobRunner>().RunNowAsync<VotingSweep>();
        var (connection, _) = await LiveEvents.ConnectAsync(api.ServerAddress, async () => await api.TokenFor("resident-a"));
        await using var _ = connection;

        // The run is counted by a scheduler listener that may be told after the one JobRunner waits for; and the
        // dispatcher publishes within a poll (100 ms here), so the lag soon reads small whatever the last test left.
        var after = await ScrapeUntil(s => SweepRuns(s) > before && s.Sum("renovation_outbox_lag_seconds") <= 60);
        Assert.True(SweepRuns(after) > before, $"VotingSweep runs: {before} before, {SweepRuns(after)} after");
        Assert.True(after.Has("renovation_outbox_lag_seconds"));
        Assert.InRange(after.Sum("renovation_outbox_lag_seconds"), 0, 60);
        Assert.True(after.Sum("renovation_realtime_connections") >= 1);
        // The libraries' own instruments are exported beside the product's.
        Assert.True(after.Has("http_server_request_duration_seconds_count"));
    }

    /// <summary>Scrapes until <paramref name="done"/> holds (10 seconds at most); returns the last scrape either way.</summary>
    private async Task<PrometheusText> ScrapeUntil(Func<PrometheusText, bool> done)
    {
        // Elapsed time, not the wall clock: a patience bound, never what a test asserts.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var scrape = await Scrape();
        while (!done(scrape) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
            scrape = await Scrape();
        }
        return scrape;
    }

    [Fact]
    public async Task Traces_and_metrics_go_over_OTLP_without_secrets_or_query_strings()
    {
        var voting = new VotingWorld(api);
        var community = await voting.Community(Owner(10000));
        var vote = await voting.OpenVote(community.Id);
        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        var token = await api.TokenFor("resident-a");
        var (connection, _) = await LiveEvents.ConnectAsync(api.ServerAddress, () => Task.FromResult<string?>(token), tokenInQuery: true);
        await connection.DisposeAsync();

        // Exported now rather than on the 5 s (spans) and 60 s (metrics) schedules. The flushes' own answers are not
        // asserted: the meter's also asks the pull-only scrape exporter, and a scheduled export may be under way.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        string traces, metrics;
        do
        {
            api.Services.GetRequiredService<TracerProvider>().ForceFlush(5_000);
            api.Services.GetRequiredService<MeterProvider>().ForceFlush(5_000);
            traces = api.Collector.Text("traces");
            metrics = api.Collector.Text("metrics");
        }
        while (!(traces.Contains("/api/v1/votes/{voteId:guid}/ballots", StringComparison.Ordinal)
                 && metrics.Contains("renovation.ballots.recorded", StringComparison.Ordinal)) && waited.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Contains("/api/v1/votes/{voteId:guid}/ballots", traces);            // ASP.NET Core
        Assert.Contains("Quartz", traces);                                    // the sweep the vote opened with
        Assert.Contains(TestDatabase.Provider == DatabaseProvider.MySql ? "mysql" : "sqlite", traces); // EF Core
        Assert.Contains("jscode2session", traces);                           // HttpClient to WeChat (sign-in)
        Assert.Contains("renovation.ballots.recorded", metrics);
        Assert.Contains("http.server.request.duration", metrics);
        // Query strings are redacted: WeChat's app secret and the hub's access token never leave the node.
        Assert.DoesNotContain(api.WeChat.ClientSettings.AppSecret, traces);
        Assert.DoesNotContain(token, traces);
        Assert.Contains("Redacted", traces);
    }

    [Fact]
    public async Task Scraping_without_the_scrape_token_is_401_with_a_code_and_shows_nothing()
    {
        using var anonymous = api.CreateClient();
        await (await anonymous.GetAsync("/metrics")).ShouldBeProblem(HttpStatusCode.Unauthorized, "scrape_token_required");

        using var wrong = api.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Factory.ScrapeToken + "x");
        var refused = await wrong.GetAsync("/metrics");
        Assert.DoesNotContain("renovation_", await refused.Content.ReadAsStringAsync());
        await refused.ShouldBeProblem(HttpStatusCode.Unauthorized, "scrape_token_required");

        // A user's token, even a city admin's, is not a scrape token.
        var admin = await api.ClientFor("city-admin");
        await (await admin.GetAsync("/metrics")).ShouldBeProblem(HttpStatusCode.Unauthorized, "scrape_token_required");
    }
}
