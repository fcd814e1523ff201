using System.Net;
using System.Text;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Places;

/// <summary>A committee finds an owner among a hundred by part of a name or an ID suffix (to spot a duplicate).</summary>
public sealed class OwnerPartySearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<Guid> RegisteredCommunity()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var created = await (await officer.PostJson("/api/v1/communities",
                new { streetId = demo.StreetId, name = "搜索小区" + Guid.NewGuid().ToString("N")[..6], address = "东海大道 3 号", builtYear = 1994 }))
            .ShouldBe<CommunityView>(HttpStatusCode.Created);
        await (await officer.PostAsync($"/api/v1/communities/{created.Id}/register/import", new StringContent("""
            楼栋,房号,专有面积,业主类型,业主姓名,身份证后四位
            1幢,101,80,个人,张三,1234
            1幢,102,80,个人,张 三,4321
            1幢,201,80,共有,李四;王五,5678;902X
            1幢,202,80,个人,赵六,7777
            """, Encoding.UTF8, "text/csv"))).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        return created.Id;
    }

    private async Task<List<string>> Search(Guid communityId, string q) =>
        (await (await (await api.ClientFor("street-officer")).GetAsync($"/api/v1/communities/{communityId}/owner-parties?q={Uri.EscapeDataString(q)}"))
            .ShouldBe<Page<PartyView>>(HttpStatusCode.OK)).Items.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Owner_parties_are_found_by_part_of_a_member_name()
    {
        var communityId = await RegisteredCommunity();
        Assert.Equal(["张三"], await Search(communityId, "张三"));
        Assert.Equal(["李四、王五"], await Search(communityId, "王五"));   // a co-owner's name finds the party
        Assert.Equal(["李四、王五"], await Search(communityId, "王"));
        Assert.Empty(await Search(communityId, "孙七"));
    }

    [Fact]
    public async Task Owner_parties_are_found_by_a_members_id_suffix()
    {
        var communityId = await RegisteredCommunity();
        Assert.Equal(["张 三"], await Search(communityId, "4321"));
        Assert.Equal(["李四、王五"], await Search(communityId, "902x"));
        Assert.Equal(["李四、王五"], await Search(communityId, "９０２Ｘ"));   // full-width, as a Chinese keyboard may type it
    }

    [Fact]
    public async Task Without_q_every_party_is_listed_and_a_long_q_is_refused()
    {
        var communityId = await RegisteredCommunity();
        var all = await (await (await api.ClientFor("street-officer")).GetAsync($"/api/v1/communities/{communityId}/owner-parties"))
            .ShouldBe<Page<PartyView>>(HttpStatusCode.OK);
        Assert.Equal(4, all.Total);
        await (await (await api.ClientFor("street-officer")).GetAsync($"/api/v1/communities/{communityId}/owner-parties?q={new string('张', 33)}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_query");
    }
}
