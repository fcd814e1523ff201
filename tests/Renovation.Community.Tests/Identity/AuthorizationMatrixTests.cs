using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

/// <summary>
/// Each role, against every community-scoped endpoint of a community it has no part in: refused as "not found"
/// (so existence does not leak) and nothing written.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Endpoints =
    [
        "GET /api/v1/communities/{c}",
        "GET /api/v1/communities/{c}/register-summary",
        "GET /api/v1/communities/{c}/buildings",
        "GET /api/v1/communities/{c}/units",
        "GET /api/v1/communities/{c}/owner-parties",
        "GET /api/v1/communities/{c}/bindings",
        "PUT /api/v1/communities/{c}",
        "POST /api/v1/communities/{c}/buildings",
        "POST /api/v1/communities/{c}/units",
        "POST /api/v1/communities/{c}/owner-parties",
        "POST /api/v1/communities/{c}/register/import",
        "GET /api/v1/communities/{c}/register/template",
        "GET /api/v1/communities/{c}/register/download?format=xlsx",
        "POST /api/v1/owner-parties/{p}/merge",
        "DELETE /api/v1/owner-parties/{p}",
        "GET /api/v1/role-grants?role=CommitteeMember&scopeId={c}",
        "POST /api/v1/role-grants",
        "PUT /api/v1/units/{u}",
        "GET /api/v1/projects?communityId={c}",
        "GET /api/v1/plans?communityId={c}",
        "GET /api/v1/communities/{c}/votes",
        "POST /api/v1/communities/{c}/votes",
        "GET /api/v1/communities/{c}/voting-settings",
        "PUT /api/v1/communities/{c}/voting-settings",
        "GET /api/v1/communities/{c}/notices",
        "POST /api/v1/notices",
        "GET /api/v1/communities/{c}/payments",
        "GET /api/v1/communities/{c}/reconciliation/reports",
        "GET /api/v1/communities/{c}/reconciliation/reports/download",
        "GET /api/v1/communities/{c}/reconciliation/discrepancies?date=2026-11-27",
        "GET /api/v1/communities/{c}/committee-meetings",
        "POST /api/v1/communities/{c}/committee-meetings",
        "GET /api/v1/communities/{c}/committee-meeting-calls",
        "POST /api/v1/communities/{c}/committee-meeting-calls",
        "GET /api/v1/communities/{c}/resolutions",
        "GET /api/v1/communities/{c}/meeting-settings",
        "PUT /api/v1/communities/{c}/meeting-settings",
        "GET /api/v1/communities/{c}/meeting-alerts",
        "GET /api/v1/communities/{c}/assemblies",
        "POST /api/v1/communities/{c}/assemblies",
        "POST /api/v1/communities/{c}/assembly-demands",
        "GET /api/v1/communities/{c}/service-items",
        "POST /api/v1/service-items",
        "GET /api/v1/communities/{c}/service-orders",
        "GET /api/v1/communities/{c}/service-income?month=2026-11",
        "GET /api/v1/communities/{c}/service-disputes",
        "GET /api/v1/communities/{c}/service-oversight",
        "POST /api/v1/communities/{c}/fund",
        "GET /api/v1/communities/{c}/fund",
        "GET /api/v1/communities/{c}/fund/households",
        "GET /api/v1/communities/{c}/fund/settings",
        "PUT /api/v1/communities/{c}/fund/settings",
        "POST /api/v1/communities/{c}/fund/opening/computed",
        "POST /api/v1/communities/{c}/fund/opening/import",
        "POST /api/v1/communities/{c}/fund/corrections",
        "POST /api/v1/communities/{c}/fund/top-up-campaigns",
        "GET /api/v1/communities/{c}/fund/top-up-campaigns",
        "GET /api/v1/communities/{c}/fund/offline-top-ups",
        "POST /api/v1/communities/{c}/fund/allocations",
        "GET /api/v1/communities/{c}/fund/allocations",
        "GET /api/v1/fund/allocations/{allocation}/shares",
        "GET /api/v1/communities/{c}/audit",
        "GET /api/v1/communities/{c}/fund/statement?from=2026-01-01&to=2026-12-31&format=csv",
        "POST /api/v1/communities/{c}/fund/statements",
        "GET /api/v1/communities/{c}/fund/statements",
        "GET /api/v1/fund/statements/{statement}/file?format=xlsx",
        "POST /api/v1/fund/statements/{statement}/supersede",
        "POST /api/v1/fund/statements/{statement}/links",
        "POST /api/v1/communities/{c}/fund/works-plans",
        "GET /api/v1/communities/{c}/fund/works-plans",
        "GET /api/v1/units/{u}/fund-ledger",
        "GET /api/v1/fund/top-up-campaigns/{campaign}/unpaid",
        "POST /api/v1/fund/top-up-campaigns/{campaign}/close",
        "POST /api/v1/fund/top-up-shares/{share}/offline",
        "POST /api/v1/fund/offline-top-ups/{offline}/confirm",
        "POST /api/v1/fund/works-plans/{plan}/approve",
        "POST /api/v1/fund/works-plans/{plan}/charge",
        "POST /api/v1/fund/works-plans/{plan}/invoices",
        "GET /api/v1/fund/works-plans/{plan}/invoices",
        "GET /api/v1/fund/works-plans/{plan}/invoices/{u}/file",
    ];

    public static TheoryData<string, string> OutsidersOfCommunityB()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "resident-a", "coowner-a", "committee-a", "chair-a", "property-a" })
            foreach (var endpoint in Endpoints)
                data.Add(user, endpoint);
        return data;
    }

    public static TheoryData<string, string> EveryoneButCityAdminAgainstAnotherStreet()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "resident-b", "committee-b", "property-b", "street-officer" })
            foreach (var endpoint in Endpoints)
                data.Add(user, endpoint);
        return data;
    }

    [Theory]
    [MemberData(nameof(OutsidersOfCommunityB))]
    public async Task Roles_of_community_A_cannot_read_or_change_community_B(string user, string endpoint)
    {
        var demo = await Demo.Of(api);
        var unitB = await api.WithDb(db => Task.FromResult(db.Units.First(u => u.CommunityId == demo.CommunityB).Id));
        await AssertRefused(user, endpoint, demo.CommunityB, unitB, demo.StreetId);
    }

    [Theory]
    [MemberData(nameof(EveryoneButCityAdminAgainstAnotherStreet))]
    public async Task Roles_of_one_street_cannot_read_or_change_another_street(string user, string endpoint)
    {
        var demo = await Demo.Of(api);
        var other = await Demo.AddOtherStreet(api);
        await AssertRefused(user, endpoint, other.CommunityId, other.UnitId, other.StreetId);
    }

    private async Task AssertRefused(string user, string endpoint, Guid communityId, Guid unitId, Guid streetId)
    {
        endpoint = await WithFundIds(endpoint, communityId);
        var client = await api.ClientFor(user);
        var before = await RowCounts.Settled(api);
        var partyId = await api.WithDb(db => db.Units.Where(u => u.Id == unitId).Select(u => u.OwnerPartyId).SingleAsync());
        var response = await client.SendAsync(Build(endpoint, communityId, unitId, streetId, partyId));
        await response.ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    /// <summary>Real fund resources of the target community where it has them (the demo seeds a fund in each).</summary>
    private Task<string> WithFundIds(string endpoint, Guid communityId) => api.WithDb(async db =>
    {
        var campaign = await db.FundTopUpCampaigns.Where(c => c.CommunityId == communityId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        var share = await db.FundTopUpShares.Where(s => s.CommunityId == communityId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
        var plan = await db.FundWorksPlans.Where(p => p.CommunityId == communityId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        var offline = await db.FundOfflineTopUps.Where(o => o.CommunityId == communityId).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
        var statement = await db.FundPublishedStatements.Where(s => s.CommunityId == communityId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
        var allocation = await db.FundAllocations.Where(a => a.CommunityId == communityId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
        return endpoint.Replace("{campaign}", (campaign ?? Guid.NewGuid()).ToString()).Replace("{share}", (share ?? Guid.NewGuid()).ToString())
            .Replace("{plan}", (plan ?? Guid.NewGuid()).ToString()).Replace("{offline}", (offline ?? Guid.NewGuid()).ToString())
            .Replace("{statement}", (statement ?? Guid.NewGuid()).ToString()).Replace("{allocation}", (allocation ?? Guid.NewGuid()).ToString());
    });

    private static HttpRequestMessage Build(string endpoint, Guid communityId, Guid unitId, Guid streetId, Guid? partyId = null)
    {
        var parts = endpoint.Split(' ');
        var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1].Replace("{c}", communityId.ToString()).Replace("{u}", unitId.ToString())
            .Replace("{p}", partyId.ToString()));
        var path = parts[1];
        request.Content = (parts[0], path) switch
        {
            ("PUT", var p) when p.EndsWith("{c}") => JsonBody(new { streetId, name = "改名", address = "新地址", builtYear = 1990 }),
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
            ("POST", var p) when p.EndsWith("/supersede") => JsonBody(new { reason = "越权更正" }),
            ("POST", var p) when p.EndsWith("/links") => JsonBody(new { unitId }),
            ("POST", var p) when p.EndsWith("/fund/statements") => JsonBody(new { from = "2026-01-01", to = "2026-01-31" }),
            ("PUT", var p) when p.EndsWith("/fund/settings") => JsonBody(new { chargesArea = "Exclusive", commonIncomeArea = "Building" }),
            ("PUT", var p) when p.EndsWith("/voting-settings") => JsonBody(new { lastBallotWins = true, resultPublicityDays = 7, silenceCountsAsConsent = false }),
            ("PUT", _) => JsonBody(new { exclusiveAreaHundredths = 100, areaBasis = "Registered", ownerPartyId = Guid.NewGuid() }),
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
        var request = Build(endpoint, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
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
