using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

public sealed class BindingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>A fresh WeChat user and an unbound unit of community A owned by a registered person.</summary>
    private async Task<(HttpClient Client, Guid UnitId, OwnerParty Party, string Certificate)> NewResidentAndUnit(Guid communityId)
    {
        var client = api.CreateClient();
        var login = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "b-" + Guid.NewGuid().ToString("N") }))
            .ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.Tokens.AccessToken);
        var (unitId, party, certificate) = await api.WithDb(async db =>
        {
            var unit = await db.Units.Include(u => u.OwnerParty).ThenInclude(p => p!.Members)
                .Where(u => u.CommunityId == communityId && u.OwnerParty!.Kind == OwnerPartyKind.Person
                    && !db.UnitBindings.Any(b => b.UnitId == u.Id))
                .OrderBy(u => u.Id).Skip(Random.Shared.Next(0, 50)).FirstAsync();
            return (unit.Id, unit.OwnerParty!, unit.CertificateNumber!);
        });
        return (client, unitId, party, certificate);
    }

    [Fact]
    public async Task A_matching_claim_is_flagged_and_approval_makes_the_user_a_resident_of_the_unit()
    {
        var demo = await Demo.Of(api);
        var (client, unitId, party, certificate) = await NewResidentAndUnit(demo.CommunityA);
        var member = party.Members[0];
        var binding = await (await client.PostJson("/api/v1/bindings",
                new { unitId, name = member.Name, idLast4 = member.IdLast4, certificateNumber = certificate }))
            .ShouldBe<BindingView>(HttpStatusCode.Created);
        Assert.True(binding.MatchesRegister);
        Assert.Equal(BindingStatus.Pending, binding.Status);

        var committee = await api.ClientFor("committee-a");
        var pending = await (await committee.GetAsync($"/api/v1/communities/{demo.CommunityA}/bindings?status=Pending"))
            .ShouldBe<Page<BindingView>>(HttpStatusCode.OK);
        Assert.Contains(pending.Items, b => b.Id == binding.Id);

        var approved = await (await committee.PostAsync($"/api/v1/bindings/{binding.Id}/approve", null))
            .ShouldBe<BindingView>(HttpStatusCode.OK);
        Assert.Equal(BindingStatus.Approved, approved.Status);

        var me = await (await client.GetAsync("/api/v1/me")).ShouldBe<MeResponse>(HttpStatusCode.OK);
        var unit = Assert.Single(me.Units);
        Assert.Equal(unitId, unit.UnitId);
        Assert.Equal(party.Id, unit.OwnerPartyId);
    }

    [Fact]
    public async Task A_claim_that_disagrees_with_the_register_is_still_filed_but_flagged()
    {
        var demo = await Demo.Of(api);
        var (client, unitId, _, _) = await NewResidentAndUnit(demo.CommunityA);
        var binding = await (await client.PostJson("/api/v1/bindings",
                new { unitId, name = "冒名者", idLast4 = "0001", certificateNumber = "伪造证号" }))
            .ShouldBe<BindingView>(HttpStatusCode.Created);
        Assert.False(binding.MatchesRegister);
    }

    [Fact]
    public async Task A_second_request_for_the_same_unit_while_pending_is_409()
    {
        var demo = await Demo.Of(api);
        var (client, unitId, _, _) = await NewResidentAndUnit(demo.CommunityA);
        var request = new { unitId, name = "王五", idLast4 = "123X", certificateNumber = "证" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostJson("/api/v1/bindings", request)).StatusCode);
        var before = await RowCounts.Settled(api);
        await (await client.PostJson("/api/v1/bindings", request)).ShouldBeProblem(HttpStatusCode.Conflict, "binding_exists");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Rejection_needs_a_reason_and_a_decided_request_cannot_be_decided_again()
    {
        var demo = await Demo.Of(api);
        var (client, unitId, _, _) = await NewResidentAndUnit(demo.CommunityA);
        var binding = await (await client.PostJson("/api/v1/bindings", new { unitId, name = "王五", idLast4 = "1234", certificateNumber = "证" }))
            .ShouldBe<BindingView>(HttpStatusCode.Created);
        var property = await api.ClientFor("property-a");
        var problem = await (await property.PostJson($"/api/v1/bindings/{binding.Id}/reject", new { reason = " " }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));

        var rejected = await (await property.PostJson($"/api/v1/bindings/{binding.Id}/reject", new { reason = "证号与登记不符" }))
            .ShouldBe<BindingView>(HttpStatusCode.OK);
        Assert.Equal("证号与登记不符", rejected.RejectionReason);
        await (await property.PostAsync($"/api/v1/bindings/{binding.Id}/approve", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "binding_already_decided");
    }

    [Theory]
    [InlineData("committee-b")]
    [InlineData("property-b")]
    public async Task Staff_of_another_community_cannot_see_or_decide_the_request(string outsider)
    {
        var demo = await Demo.Of(api);
        var (client, unitId, _, _) = await NewResidentAndUnit(demo.CommunityA);
        var binding = await (await client.PostJson("/api/v1/bindings", new { unitId, name = "王五", idLast4 = "1234", certificateNumber = "证" }))
            .ShouldBe<BindingView>(HttpStatusCode.Created);
        var staff = await api.ClientFor(outsider);
        await (await staff.PostAsync($"/api/v1/bindings/{binding.Id}/approve", null))
            .ShouldBeProblem(HttpStatusCode.NotFound, "binding_not_found");
        await (await staff.GetAsync($"/api/v1/communities/{demo.CommunityA}/bindings"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "community_not_found");
        Assert.Equal(BindingStatus.Pending, await api.WithDb(db => db.UnitBindings.Where(b => b.Id == binding.Id).Select(b => b.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("resident-a")]
    [InlineData("street-officer")]
    [InlineData("city-admin")]
    public async Task Only_committee_and_property_staff_decide_bindings(string caller)
    {
        var demo = await Demo.Of(api);
        var (client, unitId, _, _) = await NewResidentAndUnit(demo.CommunityA);
        var binding = await (await client.PostJson("/api/v1/bindings", new { unitId, name = "王五", idLast4 = "1234", certificateNumber = "证" }))
            .ShouldBe<BindingView>(HttpStatusCode.Created);
        var other = await api.ClientFor(caller);
        await (await other.PostAsync($"/api/v1/bindings/{binding.Id}/approve", null)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Binding_request_validation_names_each_bad_field_and_writes_nothing()
    {
        using var client = await api.ClientFor("resident-a");
        var before = await RowCounts.Settled(api);
        var problem = await (await client.PostJson("/api/v1/bindings",
                new { unitId = Guid.Empty, name = "", idLast4 = "12", certificateNumber = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "unitId", "name", "idLast4", "certificateNumber" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Binding_an_unknown_unit_is_404()
    {
        using var client = await api.ClientFor("resident-a");
        await (await client.PostJson("/api/v1/bindings", new { unitId = Guid.NewGuid(), name = "张伟", idLast4 = "1234", certificateNumber = "x" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "unit_not_found");
    }

    [Fact]
    public async Task A_resident_can_end_their_own_binding_and_then_loses_the_unit()
    {
        var demo = await Demo.Of(api);
        var (client, unitId, _, _) = await NewResidentAndUnit(demo.CommunityA);
        var binding = await (await client.PostJson("/api/v1/bindings", new { unitId, name = "王五", idLast4 = "1234", certificateNumber = "证" }))
            .ShouldBe<BindingView>(HttpStatusCode.Created);
        await (await api.ClientFor("chair-a")).PostJson($"/api/v1/bindings/{binding.Id}/approve", Confirmed.Mismatch);
        var revoked = await (await client.PostAsync($"/api/v1/bindings/{binding.Id}/revoke", null)).ShouldBe<BindingView>(HttpStatusCode.OK);
        Assert.Equal(BindingStatus.Revoked, revoked.Status);
        var me = await (await client.GetAsync("/api/v1/me")).ShouldBe<MeResponse>(HttpStatusCode.OK);
        Assert.Empty(me.Units);
        // Someone else's binding is not theirs to end.
        var stranger = await api.ClientFor("resident-b");
        await (await stranger.PostAsync($"/api/v1/bindings/{binding.Id}/revoke", null)).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
