using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

/// <summary>What a person needs to decide a binding well: readable labels, and a deliberate step to depart from the register.</summary>
public sealed class BindingDecisionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<(HttpClient Client, BindingView Binding)> NewClaim(bool matching)
    {
        var demo = await Demo.Of(api);
        var client = api.CreateClient();
        var login = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "d-" + Guid.NewGuid().ToString("N") }))
            .ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.Tokens.AccessToken);
        var unit = await api.WithDb(db => db.Units.Include(u => u.OwnerParty).ThenInclude(p => p!.Members)
            .Where(u => u.CommunityId == demo.CommunityA && u.OwnerParty!.Kind == OwnerPartyKind.Person
                && !db.UnitBindings.Any(b => b.UnitId == u.Id))
            .OrderBy(u => u.Id).Skip(Random.Shared.Next(0, 50)).FirstAsync());
        var member = unit.OwnerParty!.Members[0];
        var claim = matching
            ? new { unitId = unit.Id, name = member.Name, idLast4 = member.IdLast4!, certificateNumber = unit.CertificateNumber! }
            : new { unitId = unit.Id, name = "王五", idLast4 = "1234", certificateNumber = "证" };
        var binding = await (await client.PostJson("/api/v1/bindings", claim)).ShouldBe<BindingView>(HttpStatusCode.Created);
        Assert.Equal(matching, binding.MatchesRegister);
        return (client, binding);
    }

    [Fact]
    public async Task Every_binding_view_names_the_community_building_and_unit()
    {
        var (client, binding) = await NewClaim(matching: true);
        var unit = await api.WithDb(db => db.Units.Include(u => u.Building).SingleAsync(u => u.Id == binding.UnitId));
        Assert.Equal(("幸福里小区", unit.Building!.Name, unit.Number), (binding.CommunityName, binding.BuildingName, binding.UnitNumber));

        var mine = await (await client.GetAsync("/api/v1/bindings/mine")).ShouldBe<List<BindingView>>(HttpStatusCode.OK);
        Assert.Equal(("幸福里小区", unit.Building.Name, unit.Number), Labels(Assert.Single(mine)));
        var committee = await api.ClientFor("committee-a");
        var pending = await (await committee.GetAsync($"/api/v1/communities/{binding.CommunityId}/bindings?status=Pending&pageSize=100"))
            .ShouldBe<Page<BindingView>>(HttpStatusCode.OK);
        Assert.Equal(("幸福里小区", unit.Building.Name, unit.Number), Labels(Assert.Single(pending.Items, b => b.Id == binding.Id)));
        var approved = await (await committee.PostAsync($"/api/v1/bindings/{binding.Id}/approve", null)).ShouldBe<BindingView>(HttpStatusCode.OK);
        Assert.Equal(("幸福里小区", unit.Building.Name, unit.Number), Labels(approved));
    }

    [Fact]
    public async Task A_claim_that_does_not_match_the_register_is_approved_only_with_confirmation_and_a_reason_which_is_audited()
    {
        var (_, binding) = await NewClaim(matching: false);
        var committee = await api.ClientFor("committee-a");
        var before = await RowCounts.Settled(api);
        await (await committee.PostAsync($"/api/v1/bindings/{binding.Id}/approve", null))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "mismatch_confirmation_required");
        await (await committee.PostJson($"/api/v1/bindings/{binding.Id}/approve", new { confirmMismatch = false, reason = "见过本人" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "mismatch_confirmation_required");
        var problem = await (await committee.PostJson($"/api/v1/bindings/{binding.Id}/approve", new { confirmMismatch = true }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(before, await RowCounts.Of(api));

        var approved = await (await committee.PostJson($"/api/v1/bindings/{binding.Id}/approve",
                new { confirmMismatch = true, reason = "名册姓名登记有误，已核对不动产权证原件" }))
            .ShouldBe<BindingView>(HttpStatusCode.OK);
        Assert.Equal(BindingStatus.Approved, approved.Status);
        Assert.Equal("名册姓名登记有误，已核对不动产权证原件", approved.MismatchReason);
        var audited = await api.WithDb(db => db.AuditLog.AnyAsync(a => a.EntityType == nameof(UnitBinding)
            && a.EntityId == binding.Id.ToString() && a.After!.Contains("名册姓名登记有误")));
        Assert.True(audited);
    }

    [Fact]
    public async Task A_resident_sets_a_display_name_which_is_validated_and_audited()
    {
        var client = api.CreateClient();
        var login = await (await client.PostJson("/api/v1/auth/wechat-login", new { code = "n-" + Guid.NewGuid().ToString("N") }))
            .ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
        Assert.Equal("微信用户", login.DisplayName);
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.Tokens.AccessToken);

        var before = await RowCounts.Settled(api);
        foreach (var bad in new[] { "", "   ", "微信用户", new string('名', 21) })
        {
            var problem = await (await client.PutAsJsonAsync("/api/v1/me/display-name", new { displayName = bad }, Json.Options))
                .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("displayName", out _), bad);
        }
        Assert.Equal(before, await RowCounts.Of(api));

        var me = await (await client.PutAsJsonAsync("/api/v1/me/display-name", new { displayName = " 3幢王阿姨 " }, Json.Options))
            .ShouldBe<MeResponse>(HttpStatusCode.OK);
        Assert.Equal("3幢王阿姨", me.DisplayName);
        Assert.Equal("3幢王阿姨", (await (await client.GetAsync("/api/v1/me")).ShouldBe<MeResponse>(HttpStatusCode.OK)).DisplayName);
        Assert.True(await api.WithDb(db => db.AuditLog.AnyAsync(a => a.EntityType == nameof(AppUser)
            && a.EntityId == login.UserId.ToString() && a.After!.Contains("3幢王阿姨"))));
    }

    private static (string, string, string) Labels(BindingView b) => (b.CommunityName, b.BuildingName, b.UnitNumber);
}
