using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Voting;

namespace Renovation.Community.Tests.Meetings;

public sealed class AssemblyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly MeetingsWorld _world = new(api);
    private readonly VotingWorld _voting = new(api);

    private static object Body(DateTimeOffset startsAt, Guid? demandId = null) => new
    {
        title = "2027年度业主大会",
        place = "小区广场",
        method = "线上表决与书面表决相结合",
        startsAt,
        endsAt = startsAt.AddDays(10),
        items = new object[]
        {
            new { title = "选聘新物业服务企业", description = "公开招标", matter = "HireOrDismissManager", secret = false },
            new { title = "使用维修资金更换屋面防水", description = "", matter = "UseMaintenanceFund", secret = false },
        },
        demandId,
    };

    [Fact]
    public async Task An_assembly_notice_one_day_short_of_15_days_is_refused()
    {
        var c = await _world.Committee(3);
        var before = await RowCounts.Settled(api);
        await (await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/assemblies", Body(api.Clock.GetUtcNow().AddDays(14).AddMinutes(5))))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "notice_too_short");
        Assert.Equal(before, await RowCounts.Of(api));
        // The 16th calendar day after the notice day is the first allowed; the 17th leaves a day to spare.
        await (await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/assemblies", Body(api.Clock.GetUtcNow().AddDays(17))))
            .ShouldBe<AssemblyView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_item_outside_the_assembly_notice_is_refused()
    {
        var c = await _world.Committee(3);
        var assembly = await (await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/assemblies", Body(api.Clock.GetUtcNow().AddDays(16))))
            .ShouldBe<AssemblyView>(HttpStatusCode.Created);
        var before = await RowCounts.Settled(api);
        await (await c.Chair.Client.PostJson($"/api/v1/assemblies/{assembly.Id}/items",
                new { title = "临时动议：增设充电桩", description = "", matter = "ChangeUseOfCommonParts", secret = false }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "assembly_item_not_in_notice");
        Assert.Equal(before, await RowCounts.Of(api));
        Assert.Equal(2, (await (await c.Chair.Client.GetAsync($"/api/v1/assemblies/{assembly.Id}")).ShouldBe<AssemblyView>(HttpStatusCode.OK)).Items.Count);
    }

    [Fact]
    public async Task Each_assembly_item_is_a_real_Article_278_vote_and_the_results_are_published_as_one_record()
    {
        var owners = await _voting.Community(PartySpec.Owner(9000), PartySpec.Owner(8000), PartySpec.Owner(7000));
        var c = await _world.Committee(3, owners.Id);
        var assembly = await (await c.Chair.Client.PostJson($"/api/v1/communities/{owners.Id}/assemblies",
            Body(api.Clock.GetUtcNow().AddDays(17)))).ShouldBe<AssemblyView>(HttpStatusCode.Created);
        var owner = owners.Parties[0].Voter.Client;
        var notice = await (await owner.GetAsync($"/api/v1/notices/{assembly.NoticeId}")).ShouldBe<NoticeView>(HttpStatusCode.OK);
        Assert.Contains("选聘新物业服务企业", notice.Body);

        // The voting feature lists them as its own votes, opening at the assembly's start.
        var votes = assembly.Items.Select(i => i.VoteId).ToList();
        foreach (var item in assembly.Items)
        {
            var vote = await _voting.Get(item.VoteId);
            Assert.Equal(assembly.StartsAt, vote.OpensAt, TimeSpan.FromMilliseconds(1));
            Assert.Equal(item.Matter, vote.Matter);
        }
        await (await c.Chair.Client.PostAsync($"/api/v1/assemblies/{assembly.Id}/results", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "votes_not_closed");

        api.Clock.Advance(assembly.StartsAt - api.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await _voting.Sweep();
        foreach (var party in owners.Parties)
            await VotingWorld.Agree(party.Voter, votes[0]);
        await VotingWorld.Agree(owners.Parties[0].Voter, votes[1]);
        foreach (var voteId in votes)
            await _voting.Close(voteId);

        var published = await (await c.Chair.Client.PostAsync($"/api/v1/assemblies/{assembly.Id}/results", null))
            .ShouldBe<AssemblyView>(HttpStatusCode.OK);
        Assert.NotNull(published.ResultsPublishedAt);
        Assert.True(published.Items[0].Vote!.Passed);
        Assert.Equal(24000, published.Items[0].Vote!.AgreeArea);
        Assert.False(published.Items[1].Vote!.Passed);
        var results = await (await owner.GetAsync($"/api/v1/notices/{published.ResultsNoticeId}")).ShouldBe<NoticeView>(HttpStatusCode.OK);
        Assert.Contains("1. 选聘新物业服务企业：通过", results.Body);
        Assert.Contains("2. 使用维修资金更换屋面防水：未通过", results.Body);
        await (await c.Chair.Client.PostAsync($"/api/v1/assemblies/{assembly.Id}/results", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "results_already_published");
    }

    [Fact]
    public async Task An_owners_demand_holds_at_exactly_20_percent_of_area_and_heads()
    {
        // Five owners of 100 m² each: one of them is exactly a fifth of the area and of the heads.
        var owners = await _voting.Community(Enumerable.Range(0, 5).Select(_ => PartySpec.Owner(10000)).ToArray());
        var demand = await Start(owners.Parties[0].Voter.Client, owners.Id);
        Assert.Equal((50000, 5), (demand.ElectorateArea, demand.ElectorateHeads));
        Assert.True(demand.Holds);
        Assert.NotNull(demand.ReachedAt);
    }

    [Fact]
    public async Task An_owners_demand_just_short_of_20_percent_of_the_area_does_not_hold_until_another_owner_joins()
    {
        // 99.99 m² of 500 m²: a fifth of the heads but one hundredth of a m² short of a fifth of the area.
        var owners = await _voting.Community(PartySpec.Owner(9999), PartySpec.Owner(10001), PartySpec.Owner(10000), PartySpec.Owner(10000), PartySpec.Owner(10000));
        var demand = await Start(owners.Parties[0].Voter.Client, owners.Id);
        Assert.False(demand.Holds);
        Assert.Null(demand.ReachedAt);
        var joined = await (await owners.Parties[1].Voter.Client.PostAsync($"/api/v1/assembly-demands/{demand.Id}/supports", null))
            .ShouldBe<DemandView>(HttpStatusCode.OK);
        Assert.True(joined.Holds);
        await (await owners.Parties[1].Voter.Client.PostAsync($"/api/v1/assembly-demands/{demand.Id}/supports", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "already_supported");
    }

    [Fact]
    public async Task An_owners_demand_with_the_area_but_just_short_of_20_percent_of_the_heads_does_not_hold()
    {
        // One big owner has half the area but is one head of eleven (< 20%); a second small owner makes 2 of 11 (< 20%),
        // a third makes 3 of 11 (≥ 20%).
        var specs = new[] { PartySpec.Owner(50000) }.Concat(Enumerable.Range(0, 10).Select(_ => PartySpec.Owner(5000))).ToArray();
        var owners = await _voting.Community(specs);
        var demand = await Start(owners.Parties[0].Voter.Client, owners.Id);
        Assert.False(demand.Holds);
        var two = await Join(owners.Parties[1].Voter.Client, demand.Id);
        Assert.False(two.Holds);
        var three = await Join(owners.Parties[2].Voter.Client, demand.Id);
        Assert.True(three.Holds);

        // The committee convenes the demanded assembly, once.
        var c = await _world.Committee(3, owners.Id);
        var assembly = await (await c.Chair.Client.PostJson($"/api/v1/communities/{owners.Id}/assemblies",
            Body(api.Clock.GetUtcNow().AddDays(16), demand.Id))).ShouldBe<AssemblyView>(HttpStatusCode.Created);
        Assert.Equal(demand.Id, assembly.DemandId);
        await (await c.Chair.Client.PostJson($"/api/v1/communities/{owners.Id}/assemblies", Body(api.Clock.GetUtcNow().AddDays(16), demand.Id)))
            .ShouldBeProblem(HttpStatusCode.Conflict, "demand_already_convened");
    }

    [Fact]
    public async Task A_community_whose_last_assembly_is_a_year_old_is_reminded_once()
    {
        var c = await _world.Committee(3);
        var assembly = await (await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/assemblies", Body(api.Clock.GetUtcNow().AddDays(16))))
            .ShouldBe<AssemblyView>(HttpStatusCode.Created);
        api.Clock.Advance(assembly.StartsAt - api.Clock.GetUtcNow() + TimeSpan.FromDays(365) + TimeSpan.FromMinutes(1));
        await _world.Sweep();
        await _world.Sweep();
        var kinds = await api.WithDb(db => db.MeetingAlerts.Where(a => a.CommunityId == c.CommunityId).Select(a => a.Kind).ToListAsync());
        Assert.Equal(1, kinds.Count(k => k == "no_assembly_for_a_year"));
    }

    private static async Task<DemandView> Start(HttpClient client, Guid communityId) =>
        await (await client.PostJson($"/api/v1/communities/{communityId}/assembly-demands", new { purpose = "罢免现任业委会委员" }))
            .ShouldBe<DemandView>(HttpStatusCode.Created);

    private static async Task<DemandView> Join(HttpClient client, Guid demandId) =>
        await (await client.PostAsync($"/api/v1/assembly-demands/{demandId}/supports", null)).ShouldBe<DemandView>(HttpStatusCode.OK);

    [Fact]
    public async Task Owners_of_the_community_find_its_open_demands_with_their_purpose_progress_and_status()
    {
        // Five owners: 99.99 m² alone is short of a fifth of the area; 100.01 m² alone holds.
        var owners = await _voting.Community(PartySpec.Owner(9999), PartySpec.Owner(10001), PartySpec.Owner(10000), PartySpec.Owner(10000), PartySpec.Owner(10000));
        var gathering = await (await owners.Parties[0].Voter.Client.PostJson($"/api/v1/communities/{owners.Id}/assembly-demands",
            new { purpose = "改选业委会" })).ShouldBe<DemandView>(HttpStatusCode.Created);
        var held = await Start(owners.Parties[1].Voter.Client, owners.Id);
        var c = await _world.Committee(3, owners.Id);
        await (await c.Chair.Client.PostJson($"/api/v1/communities/{owners.Id}/assemblies", Body(api.Clock.GetUtcNow().AddDays(16), held.Id)))
            .ShouldBe<AssemblyView>(HttpStatusCode.Created);

        // Another owner, who joined neither, finds the open one and what it still needs.
        var url = $"/api/v1/communities/{owners.Id}/assembly-demands";
        var open = await (await owners.Parties[2].Voter.Client.GetAsync(url)).ShouldBe<Page<DemandView>>(HttpStatusCode.OK);
        var only = Assert.Single(open.Items);
        Assert.Equal((gathering.Id, "改选业委会", DemandStatus.Gathering), (only.Id, only.Purpose, only.Status));
        Assert.Equal((9999L, 1L, 50000L, 5L), (only.JoinedArea, only.JoinedHeads, only.ElectorateArea, only.ElectorateHeads));
        var convened = await (await owners.Parties[2].Voter.Client.GetAsync(url + "?status=Convened")).ShouldBe<Page<DemandView>>(HttpStatusCode.OK);
        Assert.Equal(held.Id, Assert.Single(convened.Items).Id);
        Assert.Equal(DemandStatus.Convened, convened.Items[0].Status);
        await (await (await api.ClientFor("resident-b")).GetAsync(url)).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
