using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Voting;

/// <summary>An owner party to create: its units' areas (hundredths of m²), its kind and how many residents act for it.</summary>
public sealed record PartySpec(long[] UnitAreas, OwnerPartyKind Kind = OwnerPartyKind.Person, int Residents = 1)
{
    public static PartySpec Owner(params long[] areas) => new(areas);
}

public sealed record Voter(HttpClient Client, Guid UserId);
public sealed record TestParty(Guid Id, long Area, IReadOnlyList<Guid> UnitIds, IReadOnlyList<Voter> Voters)
{
    public Voter Voter => Voters[0];
}
public sealed record TestCommunity(Guid Id, IReadOnlyList<TestParty> Parties);

/// <summary>Builds communities with exactly the parties and areas a rule needs, and drives votes through HTTP.</summary>
public sealed class VotingWorld(ApiFactory api)
{
    public async Task<TestCommunity> Community(params PartySpec[] specs)
    {
        var demo = await Demo.Of(api);
        var users = new List<List<(HttpClient Client, Guid UserId)>>();
        foreach (var spec in specs)
        {
            var residents = new List<(HttpClient, Guid)>();
            for (var i = 0; i < spec.Residents; i++)
                residents.Add(await NewUser());
            users.Add(residents);
        }
        var (communityId, parties) = await api.WithDb(async db =>
        {
            var community = new ResidentialCommunity(demo.StreetId, "投票测试小区" + Guid.NewGuid().ToString("N")[..8], "测试路 1 号", 1990);
            var building = new Building(community.Id, "1幢");
            db.AddRange(community, building);
            var now = api.Clock.GetUtcNow();
            var created = new List<TestParty>();
            var door = 100;
            for (var p = 0; p < specs.Length; p++)
            {
                var spec = specs[p];
                var members = spec.Kind == OwnerPartyKind.CoOwners
                    // Distinct ID suffixes: two co-owner groups of the same names and suffixes would be one owner (OwnerPartyKey).
                    ? new[] { ("共有人甲", (string?)$"{1100 + p}"), ("共有人乙", $"{2200 + p}") }
                    : new[] { ($"业主{p + 1}", (string?)"1234") };
                var party = new OwnerParty(community.Id, spec.Kind, string.Join("、", members.Select(m => m.Item1)) + $"#{p + 1}", members);
                db.OwnerParties.Add(party);
                var units = spec.UnitAreas.Select(area => new Unit(community.Id, building.Id, $"{++door}", area, AreaBasis.Registered, $"证{door}", party.Id)).ToList();
                db.Units.AddRange(units);
                var voters = new List<Voter>();
                foreach (var (client, userId) in users[p])
                {
                    // Several residents of one party bind different units where it has them: they still act for one party.
                    var unit = units[voters.Count % units.Count];
                    var binding = new UnitBinding(userId, unit.Id, community.Id, members[0].Item1, "1234", unit.CertificateNumber!, true, now);
                    binding.Approve(userId, now);
                    db.UnitBindings.Add(binding);
                    voters.Add(new Voter(client, userId));
                }
                created.Add(new TestParty(party.Id, spec.UnitAreas.Sum(), units.Select(u => u.Id).ToList(), voters));
            }
            await db.SaveChangesAsync();
            return (community.Id, created);
        });
        return new TestCommunity(communityId, parties);
    }

    public Task<(HttpClient Client, Guid UserId)> NewUser() => api.NewWeChatUser();

    public Task<HttpClient> Officer() => api.ClientFor("street-officer");

    /// <summary>Two committee members of the community (paper ballots need one to enter and another to confirm).</summary>
    public async Task<(HttpClient First, HttpClient Second)> Committee(Guid communityId)
    {
        var first = await NewUser();
        var second = await NewUser();
        await api.WithDb(async db =>
        {
            db.RoleGrants.Add(new RoleGrant(first.UserId, Role.CommitteeMember, communityId, api.Clock.GetUtcNow()));
            db.RoleGrants.Add(new RoleGrant(second.UserId, Role.CommitteeChair, communityId, api.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        return (first.Client, second.Client);
    }

    /// <summary>Convenes a vote opening after the notice period, then moves the clock and opens it.</summary>
    public async Task<VoteView> OpenVote(Guid communityId, Matter matter = Matter.OtherMajorMatter, Secrecy secrecy = Secrecy.Named,
        bool showCounts = false, VoteKind kind = VoteKind.Motion, string[]? candidates = null, int seats = 0)
    {
        var vote = await Convene(communityId, matter, secrecy, showCounts, kind, candidates, seats);
        api.Clock.Advance(vote.OpensAt - api.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Sweep();
        var opened = await Get(vote.Id);
        Assert.Equal(VoteState.Open, opened.State);
        return opened;
    }

    /// <summary>
    /// Candidates are persons: each name becomes a registered user with an approved binding to a unit of the community
    /// (a tenant-like claim that matches no register entry), so the roll and its totals stay as the test built them.
    /// </summary>
    public async Task<object[]> Candidates(Guid communityId, params string[] names)
    {
        var ids = await api.WithDb(async db =>
        {
            var unit = await db.Units.Where(u => u.CommunityId == communityId).OrderBy(u => u.Number).FirstAsync();
            var now = api.Clock.GetUtcNow();
            var created = new List<Guid>();
            foreach (var (name, i) in names.Select((n, i) => (n, i)))
            {
                var user = new AppUser("candidate-" + Guid.NewGuid().ToString("N"), null, name, now);
                var binding = new UnitBinding(user.Id, unit.Id, communityId, name, $"{9000 + i}", unit.CertificateNumber ?? "证", false, now);
                binding.Approve(user.Id, now, "候选人（测试）");
                db.AddRange(user, binding);
                created.Add(user.Id);
            }
            await db.SaveChangesAsync();
            return created;
        });
        return ids.Select(id => (object)new { userId = id }).ToArray();
    }

    public async Task<VoteView> Convene(Guid communityId, Matter matter = Matter.OtherMajorMatter, Secrecy secrecy = Secrecy.Named,
        bool showCounts = false, VoteKind kind = VoteKind.Motion, string[]? candidates = null, int seats = 0)
    {
        var persons = candidates is null ? null : await Candidates(communityId, candidates);
        var now = api.Clock.GetUtcNow();
        var officer = await Officer();
        return await (await officer.PostJson($"/api/v1/communities/{communityId}/votes", new
        {
            title = "关于加装电梯的表决",
            description = "按改造方案加装电梯",
            matter,
            kind,
            secrecy,
            showCountsBeforeClose = showCounts,
            // 15 days' notice: the 16th calendar day is the first allowed, the 17th leaves a day to spare should the
            // request cross midnight in China.
            opensAt = now.AddDays(17),
            closesAt = now.AddDays(27),
            seats,
            candidates = persons,
        })).ShouldBe<VoteView>(HttpStatusCode.Created);
    }

    public async Task<VoteView> Close(Guid voteId)
    {
        var vote = await Get(voteId);
        var wait = vote.ClosesAt - api.Clock.GetUtcNow() + TimeSpan.FromMinutes(1);
        if (wait > TimeSpan.Zero)
            api.Clock.Advance(wait);
        await Sweep();
        var closed = await Get(voteId);
        Assert.Equal(VoteState.Closed, closed.State);
        return closed;
    }

    public Task Sweep() => api.Services.GetRequiredService<JobRunner>().RunNowAsync<VotingSweep>();

    public async Task<VoteView> Get(Guid voteId) =>
        await (await (await Officer()).GetAsync($"/api/v1/votes/{voteId}")).ShouldBe<VoteView>(HttpStatusCode.OK);

    public static string NewKey() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8];

    public static Task<HttpResponseMessage> Cast(HttpClient client, Guid voteId, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/votes/{voteId}/ballots") { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.Add("Idempotency-Key", key ?? NewKey());
        return client.SendAsync(request);
    }

    public static async Task<BallotReceipt> Agree(Voter voter, Guid voteId, Choice choice = Choice.Agree, string? key = null) =>
        await (await Cast(voter.Client, voteId, new { choice }, key)).ShouldBe<BallotReceipt>(HttpStatusCode.Created);
}
