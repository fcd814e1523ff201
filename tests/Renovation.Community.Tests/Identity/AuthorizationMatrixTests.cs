using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

/// <summary>
/// The authorisation matrix, generated from the API's endpoint metadata (<see cref="MappedEndpoints"/>): every operation
/// refuses a caller without a token; every operation aimed at a community refuses each role of another community or
/// street just as it refuses ids that exist nowhere (so existence does not leak) and writes nothing. An operation added
/// later is in the matrix without editing it; one with no resource in its route must say where its scope comes from.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>The operations that answer without a token, each with why; every other one must answer 401.</summary>
    private static readonly Dictionary<string, string> Anonymous = new()
    {
        ["POST /api/v1/auth/dev-login"] = "signs in (development and the quick-start only)",
        ["POST /api/v1/auth/wechat-login"] = "signs in with a wx.login code",
        ["POST /api/v1/auth/refresh"] = "trades a refresh token for a new pair",
        ["POST /api/v1/console/sign-in-tickets"] = "a browser starts the console sign-in before anyone is signed in (rate-limited per address)",
        ["GET /api/v1/console/sign-in-tickets/{ticketId}/code"] = "the signed-out console shows the ticket's mini-program code (rate-limited per address)",
        ["POST /api/v1/console/sign-in-tickets/{ticketId}/redeem"] = "the browser takes its session with the ticket's secret, which only it holds (ConsoleSignInTests)",
        ["GET /api/v1/fund/statements/{statementId}/households/{householdId}/page"] = "a signed link a household opens from its statement",
        ["POST /api/v1/payments/wechat-notify"] = "WeChat Pay's notification, accepted only with WeChat Pay's signature",
    };

    /// <summary>Operations without a resource in their route that are still aimed at one community: the request that names it.</summary>
    private static readonly Dictionary<string, string> AimedByQueryOrBody = new()
    {
        ["GET /api/v1/projects"] = "/api/v1/projects?communityId={c}",
        ["GET /api/v1/plans"] = "/api/v1/plans?communityId={c}",
        ["GET /api/v1/role-grants"] = "/api/v1/role-grants?role=CommitteeMember&scopeId={c}",
        ["POST /api/v1/role-grants"] = "/api/v1/role-grants",
        ["POST /api/v1/notices"] = "/api/v1/notices",
        ["POST /api/v1/service-items"] = "/api/v1/service-items",
    };

    /// <summary>Operations aimed at no one community, with where their scope comes from instead.</summary>
    private static readonly Dictionary<string, string> NotAimedAtACommunity = new()
    {
        ["POST /api/v1/auth/logout"] = "the caller's own refresh token",
        ["GET /api/v1/me"] = "the caller",
        ["PUT /api/v1/me/display-name"] = "the caller (A_display_name_is_changed_only_when_signed_in_and_only_the_callers_own)",
        ["GET /api/v1/events"] = "the caller's audiences",
        ["GET /api/v1/subscriptions"] = "the caller's consents",
        ["POST /api/v1/subscriptions"] = "the caller's consents",
        ["GET /api/v1/subscriptions/templates"] = "public template list",
        ["GET /api/v1/bindings/mine"] = "the caller's bindings",
        ["POST /api/v1/bindings"] = "any signed-in user may ask to bind any flat; the committee decides",
        ["GET /api/v1/fund/mine"] = "the caller's households",
        ["GET /api/v1/notices"] = "the caller's audiences",
        ["GET /api/v1/payments/mine"] = "the caller's payments",
        ["POST /api/v1/payments"] = "the purpose it names refuses a subject the caller may not pay for",
        ["GET /api/v1/plan-reviews/mine"] = "the caller's reviews",
        ["GET /api/v1/publicity-comments/mine"] = "the caller's comments",
        ["GET /api/v1/service-orders/mine"] = "the caller's orders",
        ["POST /api/v1/service-orders"] = "the item and unit it names (ServiceAccessTests)",
        ["POST /api/v1/projects"] = "the community it names (ProjectAccessTests)",
        ["GET /api/v1/communities"] = "lists only what the caller may see (Community_lists_only_show_what_the_caller_may_see)",
        ["POST /api/v1/communities"] = "the street it names",
        ["GET /api/v1/communities/directory"] = "door numbers only, for asking to bind (any signed-in user)",
        ["GET /api/v1/districts"] = "city reference data",
        ["POST /api/v1/districts"] = "city admins only",
        ["GET /api/v1/streets"] = "lists only the caller's streets (Street_lists_are_scoped_to_the_caller)",
        ["GET /api/v1/property-companies"] = "city reference data",
        ["POST /api/v1/property-companies"] = "city admins only",
        ["GET /api/v1/audit"] = "lists only what the caller may see",
        ["GET /api/v1/payments/incidents"] = "finance officers (Only_finance_officers_reach_the_reconciliation_of_the_merchant_account)",
        ["GET /api/v1/reconciliation/discrepancies"] = "finance officers (Only_finance_officers_reach_the_reconciliation_of_the_merchant_account)",
    };

    /// <summary>Operations with a resource in their route that any signed-in user may read, with why.</summary>
    private static readonly Dictionary<string, string> OpenToEverySignedInUser = new()
    {
        ["GET /api/v1/communities/{id}/unit-directory"] = "door numbers only, for asking to bind",
        ["POST /api/v1/console/sign-in-tickets/{ticketId}/confirm"] = "any signed-in user may sign a console in as themselves, with their own roles (ConsoleSignInTests)",
    };

    /// <summary>Query parameters an operation requires before it looks at anything.</summary>
    private static readonly Dictionary<string, string> RequiredQueries = new()
    {
        ["GET /api/v1/communities/{communityId}/fund/statement"] = "?from=2026-01-01&to=2026-12-31&format=csv",
        ["GET /api/v1/communities/{communityId}/reconciliation/discrepancies"] = "?date=2026-11-27",
        ["GET /api/v1/communities/{communityId}/service-income"] = "?month=2026-11",
        ["GET /api/v1/property-companies/{companyId}/service-income"] = "?month=2026-11",
    };

    /// <summary>
    /// Operations whose body is checked before the resource is read, so a body of merely the right shape (or media type)
    /// is refused for everyone alike (the test still requires the same answer as for ids that exist nowhere).
    /// </summary>
    private static readonly HashSet<string> ValidatedBeforeTheResource =
    [
        "POST /api/v1/paper-ballots/{entryId}/confirm",
        "POST /api/v1/plan-reviews/{id}/decision",
        "PUT /api/v1/plans/{id}",
        "PUT /api/v1/plans/{id}/review-panel",
        "POST /api/v1/plans/{id}/revisions",
        "POST /api/v1/projects/{id}/acceptance",
        "PUT /api/v1/projects/{id}/planned-year",
        "POST /api/v1/projects/{projectId}/plans",
        "POST /api/v1/votes/{voteId}/ballots",
        "POST /api/v1/votes/{voteId}/proxies",
    ];

    /// <summary>
    /// Kinds of resource each demo community of the test database does not hold (it has places, votes, meetings, the
    /// fund and service items, not the quick-start's story): their routes are tried with fresh ids only.
    /// </summary>
    private static readonly string[] NotInCommunityA =
    [
        "assemblyId", "attachmentId", "callId", "demandId", "discrepancies", "entryId", "files", "incidents", "invoiceId", "payments",
        "photoId", "plan-reviews", "plans", "projectId", "projects", "proxies", "publicity-comments", "service-orders",
    ];

    private static readonly string[] NotInCommunityB =
    [
        "assemblyId", "attachmentId", "demandId", "discrepancies", "entryId", "files", "incidents", "invoiceId", "payments",
        "photoId", "plan-reviews", "plans", "positionId", "projectId", "projects", "proxies", "publicity-comments", "service-orders",
    ];

    [Fact]
    public async Task Every_operation_but_signing_in_refuses_a_caller_without_a_token_and_writes_nothing()
    {
        var endpoints = MappedEndpoints.Of(api);
        Assert.Equal(Anonymous.Keys.Order(), endpoints.Where(e => e.AllowsAnonymous).Select(e => e.ToString()).Order());
        using var anonymous = api.CreateClient();
        var before = await RowCounts.Settled(api);
        var failures = new List<string>();
        foreach (var endpoint in endpoints.Where(e => !e.AllowsAnonymous))
        {
            var path = Constraintless(endpoint.Route);
            var response = await anonymous.SendAsync(Build(endpoint.Method, path, endpoint.Route, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()));
            if (response.StatusCode != HttpStatusCode.Unauthorized || await CodeOf(response) is null)
                failures.Add($"{endpoint}: {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public void Every_operation_is_aimed_by_its_route_or_says_where_its_scope_comes_from()
    {
        var unclassified = MappedEndpoints.Of(api)
            .Where(e => !e.AllowsAnonymous && e.Parameters.Count == 0)
            .Select(e => e.ToString())
            .Where(e => !AimedByQueryOrBody.ContainsKey(e) && !NotAimedAtACommunity.ContainsKey(e))
            .ToList();
        Assert.True(unclassified.Count == 0, "say how these are scoped (AimedByQueryOrBody or NotAimedAtACommunity):\n" + string.Join('\n', unclassified));
    }

    [Fact]
    public async Task Roles_of_community_B_cannot_read_or_change_community_A_through_any_operation()
    {
        var demo = await Demo.Of(api);
        var resources = await CommunityResources.Of(api, demo.CommunityA);
        Assert.True(NotInCommunityA.Order().SequenceEqual(resources.Missing.Order()), "missing: " + string.Join(", ", resources.Missing.Order()));
        await AssertRefusedEverywhere(["resident-b", "committee-b", "chair-b", "property-b"], demo.CommunityA, demo.StreetId, resources);
    }

    [Fact]
    public async Task Roles_of_community_A_cannot_read_or_change_community_B_through_any_operation()
    {
        var demo = await Demo.Of(api);
        var resources = await CommunityResources.Of(api, demo.CommunityB);
        Assert.True(NotInCommunityB.Order().SequenceEqual(resources.Missing.Order()), "missing: " + string.Join(", ", resources.Missing.Order()));
        await AssertRefusedEverywhere(["resident-a", "coowner-a", "committee-a", "chair-a", "property-a"], demo.CommunityB, demo.StreetId, resources);
    }

    [Fact]
    public async Task Roles_of_one_street_cannot_read_or_change_another_street_through_any_operation()
    {
        await Demo.Of(api);
        var other = await Demo.AddOtherStreet(api);
        await AssertRefusedEverywhere(["resident-b", "committee-b", "property-b", "street-officer"], other.CommunityId, other.StreetId,
            await CommunityResources.Of(api, other.CommunityId));
    }

    /// <summary>
    /// Each user, at every operation aimed at the community, is refused (403 or 404, a coded problem) exactly as it is
    /// refused for ids that exist nowhere, so the answer does not even tell that the resource exists; nothing is written.
    /// </summary>
    private async Task AssertRefusedEverywhere(string[] users, Guid communityId, Guid streetId, CommunityResources resources)
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in users)
            clients[user] = await api.ClientFor(user);
        var unitId = await api.WithDb(db => db.Units.Where(u => u.CommunityId == communityId).Select(u => u.Id).FirstAsync());
        var partyId = await api.WithDb(db => db.Units.Where(u => u.Id == unitId).Select(u => (Guid?)u.OwnerPartyId).SingleAsync());
        var bodies = await PlausibleBodies();
        var failures = new List<string>();
        var before = await RowCounts.Settled(api);
        var aimed = 0;
        foreach (var endpoint in MappedEndpoints.Of(api).Where(e => !e.AllowsAnonymous && !OpenToEverySignedInUser.ContainsKey(e.ToString())))
        {
            var query = RequiredQueries.GetValueOrDefault(endpoint.ToString(), "");
            var (path, nowhere) = endpoint.Parameters.Count > 0
                ? (resources.Fill(endpoint) + query, Constraintless(endpoint.Route) + query)
                : AimedByQueryOrBody.TryGetValue(endpoint.ToString(), out var sample)
                    ? (sample.Replace("{c}", communityId.ToString()), sample.Replace("{c}", Guid.NewGuid().ToString()))
                    : (null, null);
            if (path is null)
                continue;
            aimed++;
            var body = bodies.GetValueOrDefault(endpoint.ToString());
            var expected = await Answer(clients[users[0]], Build(endpoint.Method, nowhere!, endpoint.Route, Guid.NewGuid(), Guid.NewGuid(), streetId,
                Guid.NewGuid(), body));
            foreach (var user in users)
            {
                var answer = await Answer(clients[user], Build(endpoint.Method, path, endpoint.Route, communityId, unitId, streetId, partyId, body));
                var refused = ValidatedBeforeTheResource.Contains(endpoint.ToString()) ? answer.Status is 400 or 415 : answer.Status is 403 or 404;
                if (!refused || answer.Code is null || (user == users[0] && answer != expected))
                    failures.Add($"{user} {endpoint}: {answer.Status} {answer.Code} (for ids that exist nowhere: {expected.Status} {expected.Code})");
            }
            var after = await RowCounts.Of(api);
            if (after != before)
                failures.Add($"{endpoint} wrote: {before} → {after}");
            before = after;
        }
        Assert.True(aimed > 100, $"only {aimed} operations aimed at a community");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>
    /// For each operation with a JSON body, a body of the right shape built from the OpenAPI document; for an upload,
    /// the marker <c>"multipart"</c>.
    /// </summary>
    private async Task<Dictionary<string, JsonNode?>> PlausibleBodies()
    {
        using var anonymous = api.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var bodies = new Dictionary<string, JsonNode?>();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
                if (operation is JsonObject spec && OpenApiSchemas.JsonBody(spec, document) is { } schema)
                    bodies[$"{method.ToUpperInvariant()} {path}"] = OpenApiSchemas.Plausible(schema, document);
                else if (operation?["requestBody"]?["content"]?["multipart/form-data"] is not null)
                    bodies[$"{method.ToUpperInvariant()} {path}"] = "multipart";
        return bodies;
    }

    private sealed record Refusal(int Status, string? Code);

    private static async Task<Refusal> Answer(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        return new Refusal((int)response.StatusCode, await CodeOf(response));
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return null;
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    /// <summary>The route with every parameter a fresh id (and a date where the route takes one).</summary>
    private static string Constraintless(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)\}",
        m => m.Groups[1].Value == "date" ? "2026-11-27" : Guid.NewGuid().ToString());

    /// <summary>A request to <paramref name="path"/> with a body that passes validation, chosen by the operation's route.</summary>
    private static HttpRequestMessage Build(string method, string path, string route, Guid communityId, Guid unitId, Guid streetId,
        Guid? partyId = null, JsonNode? plausible = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Content = (method, route) switch
        {
            ("PUT", "/api/v1/communities/{id}") => JsonBody(new { streetId, name = "改名", address = "新地址", builtYear = 1990 }),
            ("POST", var p) when p.EndsWith("/buildings") => JsonBody(new { name = "99幢" }),
            ("POST", var p) when p.EndsWith("/units") => JsonBody(new { buildingId = Guid.NewGuid(), number = "999", exclusiveAreaHundredths = 100, areaBasis = "Registered", ownerPartyId = Guid.NewGuid() }),
            ("POST", var p) when p.EndsWith("/owner-parties") => JsonBody(new { kind = "Person", members = new[] { new { name = "某人", idLast4 = "1234" } } }),
            ("POST", var p) when p.EndsWith("/opening/import") => new StringContent("building,unit,opening_balance_yuan,initial_deposit_yuan\n1幢,101,1,1\n", Encoding.UTF8, "text/csv"),
            ("POST", var p) when p.EndsWith("/merge") => JsonBody(new { intoPartyId = partyId, reason = "同一业主" }),
            ("POST", var p) when p.EndsWith("/import") => new StringContent("building,unit,area_m2,area_basis,certificate_no,party_key,party_kind,owners,id_last4\n9幢,1,80,,x,P,person,某,1234\n", Encoding.UTF8, "text/csv"),
            ("POST", "/api/v1/notices") => JsonBody(new { targetKind = "Community", targetId = communityId, title = "越权通知", body = "正文" }),
            ("POST", "/api/v1/service-items") => JsonBody(new { category = "Cleaning", title = "越权服务", description = "说明", priceFen = 100,
                unit = "次", requiresSlot = false, cancellationPolicy = "FullRefund", communityIds = new[] { communityId } }),
            ("POST", "/api/v1/role-grants") => JsonBody(new { userId = Guid.NewGuid(), role = "CommitteeMember", scopeId = communityId }),
            ("POST", var p) when p.EndsWith("/votes") => JsonBody(new { title = "越权表决", matter = "OtherMajorMatter", kind = "Motion", secrecy = "Named",
                opensAt = TestRunClock.UtcNow.AddDays(30), closesAt = TestRunClock.UtcNow.AddDays(40) }),
            ("POST", var p) when p.EndsWith("/committee-meetings") => JsonBody(new { title = "越权会议", startsAt = TestRunClock.UtcNow.AddDays(30),
                place = "活动室", observerCapacity = 0, items = new[] { new { title = "议题", @public = true } } }),
            ("POST", var p) when p.EndsWith("/committee-meeting-calls") => JsonBody(new { reason = "越权提议" }),
            ("PUT", var p) when p.EndsWith("/meeting-settings") => JsonBody(new { committeeNoticeDays = 7, assemblyNoticeDays = 15 }),
            ("POST", var p) when p.EndsWith("/assemblies") => JsonBody(new { title = "越权大会", method = "线上", startsAt = TestRunClock.UtcNow.AddDays(30),
                endsAt = TestRunClock.UtcNow.AddDays(40), items = new[] { new { title = "事项", matter = "OtherMajorMatter", secret = false } } }),
            ("POST", var p) when p.EndsWith("/assembly-demands") => JsonBody(new { purpose = "越权提议" }),
            ("POST", var p) when p.EndsWith("/fund") => JsonBody(new { lowBalancePercent = 30 }),
            ("POST", var p) when p.EndsWith("/opening/computed") => JsonBody(new { ratePerSqmFen = 10000 }),
            ("POST", var p) when p.EndsWith("/allocations") => JsonBody(new { kind = "Interest", amountFen = 100, reference = "越权" }),
            ("POST", var p) when p.EndsWith("/corrections") => JsonBody(new { entryId = Guid.NewGuid(), amountFen = 1, reason = "越权" }),
            ("POST", var p) when p.EndsWith("/top-up-campaigns") => JsonBody(new { voteId = Guid.NewGuid(), title = "越权", basis = "Shortfall", dueBy = TestRunClock.UtcNow.AddMonths(1) }),
            ("POST", var p) when p.EndsWith("/works-plans") => JsonBody(new { title = "越权", category = "Roof", items = "x", budgetFen = 100, scope = "Community" }),
            ("POST", var p) when p.EndsWith("/offline") => JsonBody(new { amountFen = 1, note = "越权" }),
            ("POST", var p) when p.EndsWith("/approve") => JsonBody(new { emergency = true }),
            ("POST", var p) when p.EndsWith("/invoices") => PngForm(),
            ("POST", var p) when p.EndsWith("/charge") => JsonBody(new { actualCostFen = 100 }),
            ("POST", var p) when p.EndsWith("/reschedule") => JsonBody(new { startsAt = TestRunClock.UtcNow.AddDays(30),
                endsAt = TestRunClock.UtcNow.AddDays(40), reason = "越权改期" }),
            ("POST", var p) when p.EndsWith("/supersede") => JsonBody(new { reason = "越权更正" }),
            ("POST", var p) when p.EndsWith("/links") => JsonBody(new { unitId }),
            ("POST", var p) when p.EndsWith("/fund/statements") => JsonBody(new { from = "2026-01-01", to = "2026-01-31" }),
            ("PUT", var p) when p.EndsWith("/fund/settings") => JsonBody(new { chargesArea = "Exclusive", commonIncomeArea = "Building" }),
            ("PUT", var p) when p.EndsWith("/voting-settings") => JsonBody(new { lastBallotWins = true, resultPublicityDays = 7, silenceCountsAsConsent = false }),
            ("PUT", "/api/v1/units/{id}") => JsonBody(new { exclusiveAreaHundredths = 100, areaBasis = "Registered", ownerPartyId = Guid.NewGuid() }),
            ("POST" or "PUT", _) when plausible is JsonValue upload && upload.ToString() == "multipart" => PngForm(),
            ("POST" or "PUT", _) => new StringContent(plausible?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json"),
            _ => null,
        };
        return request;
    }

    private static MultipartFormDataContent PngForm() =>
        new() { { new ByteArrayContent(Projects.Uploads.Png), "file", "越权.png" } };

    private static StringContent JsonBody(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, Json.Options), Encoding.UTF8, "application/json");

    /// <summary>The platform's merchant-account endpoints: finance officers only (a re-run and payment incidents also city-wide admins).</summary>
    private static readonly string[] FinanceEndpoints =
    [
        "POST /api/v1/reconciliation/days/2026-11-27/run",
        "GET /api/v1/reconciliation/days/2026-11-27",
        "GET /api/v1/reconciliation/discrepancies?date=2026-11-27",
        "POST /api/v1/reconciliation/discrepancies/{u}/explain",
        "POST /api/v1/reconciliation/discrepancies/{u}/resolve",
        "GET /api/v1/payments/incidents",
        "POST /api/v1/payments/incidents/{u}/resolve",
    ];

    public static TheoryData<string, string> EveryoneButFinanceAgainstFinanceEndpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "resident-a", "committee-a", "chair-a", "property-a", "street-officer" })
            foreach (var endpoint in FinanceEndpoints)
                data.Add(user, endpoint);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryoneButFinanceAgainstFinanceEndpoints))]
    public async Task Only_finance_officers_reach_the_reconciliation_of_the_merchant_account(string user, string endpoint)
    {
        var client = await api.ClientFor(user);
        var before = await RowCounts.Settled(api);
        var (method, route) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var request = Build(method, route.Replace("{u}", Guid.NewGuid().ToString()), route, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        if (endpoint.EndsWith("/explain", StringComparison.Ordinal) || endpoint.EndsWith("/resolve", StringComparison.Ordinal))
            request.Content = JsonBody(new { note = "越权说明" });
        await (await client.SendAsync(request)).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    /// <summary>The display name has no id in its route: only the signed-in caller's own name can change.</summary>
    [Fact]
    public async Task A_display_name_is_changed_only_when_signed_in_and_only_the_callers_own()
    {
        using var anonymous = api.CreateClient();
        var before = await RowCounts.Settled(api);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PutAsync("/api/v1/me/display-name", JsonBody(new { displayName = "匿名" }))).StatusCode);
        Assert.Equal(before, await RowCounts.Of(api));
        var resident = await api.ClientFor("resident-a");
        Assert.Equal(HttpStatusCode.OK,
            (await resident.PutAsync("/api/v1/me/display-name", JsonBody(new { displayName = "张伟" }))).StatusCode);
        var names = await api.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Users.Where(u => u.DisplayName == "张伟").Select(u => u.Id)));
        Assert.Single(names);
    }

    [Theory]
    [InlineData("resident-a", 1)]
    [InlineData("committee-a", 1)]
    [InlineData("property-b", 1)]
    [InlineData("street-officer", 2)]
    public async Task Community_lists_only_show_what_the_caller_may_see(string user, int expectedDemoCommunities)
    {
        await Demo.AddOtherStreet(api);
        var client = await api.ClientFor(user);
        var page = await (await client.GetAsync("/api/v1/communities?pageSize=100")).ShouldBe<Page<CommunityView>>(HttpStatusCode.OK);
        Assert.Equal(expectedDemoCommunities, page.Total);
        Assert.DoesNotContain(page.Items, c => c.Name == "白云小区");
    }

    [Fact]
    public async Task The_city_admin_sees_every_community()
    {
        await Demo.AddOtherStreet(api);
        var client = await api.ClientFor("city-admin");
        var page = await (await client.GetAsync("/api/v1/communities?pageSize=100")).ShouldBe<Page<CommunityView>>(HttpStatusCode.OK);
        Assert.Contains(page.Items, c => c.Name == "白云小区");
        Assert.Contains(page.Items, c => c.Name == "幸福里小区");
    }

    [Fact]
    public async Task A_district_admin_cannot_act_in_another_district()
    {
        var demo = await Demo.Of(api);
        var (adminClient, otherDistrictId) = await NewDistrictAdmin();
        await (await adminClient.GetAsync($"/api/v1/communities/{demo.CommunityA}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await adminClient.PostJson($"/api/v1/districts/{demo.DistrictId}/streets", new { name = "越权街道" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created,
            (await adminClient.PostJson($"/api/v1/districts/{otherDistrictId}/streets", new { name = "本区街道" })).StatusCode);
    }

    private async Task<(HttpClient Client, Guid DistrictId)> NewDistrictAdmin()
    {
        var city = await api.ClientFor("city-admin");
        var district = await (await city.PostJson("/api/v1/districts", new { name = "路桥区", code = Random.Shared.Next(100000, 999999).ToString() }))
            .ShouldBe<DistrictView>(HttpStatusCode.Created);
        var client = api.CreateClient();
        var login = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "district-admin-" + Guid.NewGuid().ToString("N") }))
            .ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Created, (await city.PostJson("/api/v1/role-grants",
            new { userId = login.UserId, role = "CityAdmin", scopeId = district.Id })).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.Tokens.AccessToken);
        return (client, district.Id);
    }
}
