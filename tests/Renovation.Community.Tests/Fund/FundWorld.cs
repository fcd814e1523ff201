using Renovation.Community.Application.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>Arranging and checking the fund through the database the API uses.</summary>
public sealed class FundWorld(ApiFactory api)
{
    /// <summary>The community's only account (Community mode).</summary>
    public async Task<FundAccount> Account(Guid communityId) =>
        await api.WithDb(db => db.FundAccounts.AsNoTracking().SingleAsync(a => a.CommunityId == communityId));

    public Task<List<FundAccount>> Accounts(Guid communityId) =>
        api.WithDb(db => db.FundAccounts.AsNoTracking().Where(a => a.CommunityId == communityId).OrderBy(a => a.Id).ToListAsync());

    /// <summary>
    /// The invariant, all of it, for EACH account of the community (its only one, or each building's): account = Σ its
    /// household balances = Σ its entries; each household = Σ its entries and never negative; sequences run 1..N without
    /// a gap; each entry's recorded balances are the running sums; every household of the community is in one account.
    /// </summary>
    public Task AssertInvariant(Guid communityId, bool deep = true) => api.WithDb(db => AssertInvariant(db, communityId, deep));

    public static async Task AssertInvariant(AppDbContext db, Guid communityId, bool deep = true)
    {
        var accounts = await db.FundAccounts.AsNoTracking().Where(a => a.CommunityId == communityId).ToListAsync();
        Assert.NotEmpty(accounts);
        var accountIds = accounts.Select(a => a.Id).ToList();
        Assert.False(await db.FundHouseholds.AnyAsync(h => h.CommunityId == communityId && !accountIds.Contains(h.AccountId)));
        foreach (var account in accounts)
            await AssertAccountInvariant(db, account, deep);
    }

    private static async Task AssertAccountInvariant(AppDbContext db, FundAccount account, bool deep)
    {
        var households = await db.FundHouseholds.AsNoTracking().Where(h => h.AccountId == account.Id).ToListAsync();
        Assert.Equal(account.BalanceFen, households.Sum(h => h.BalanceFen));
        Assert.All(households, h => Assert.True(h.BalanceFen >= 0));
        if (!deep)
            return;
        var entries = await db.FundEntries.AsNoTracking().Where(e => e.AccountId == account.Id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(account.EntryCount, entries.Count);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        long running = 0;
        var perHousehold = households.ToDictionary(h => h.Id, _ => 0L);
        foreach (var e in entries)
        {
            running += e.AmountFen;
            perHousehold[e.HouseholdId] += e.AmountFen;
            Assert.Equal(running, e.AccountBalanceAfterFen);
            Assert.Equal(perHousehold[e.HouseholdId], e.HouseholdBalanceAfterFen);
        }
        Assert.Equal(account.BalanceFen, running);
        Assert.All(households, h => Assert.Equal(perHousehold[h.Id], h.BalanceFen));
    }

    /// <summary>A closed vote with a stored result; the fund only asks Voting whether it passed.</summary>
    public Task<Guid> ClosedVote(Guid communityId, Matter matter, bool passed) => api.WithDb(async db =>
    {
        var now = api.Clock.GetUtcNow();
        var vote = new Vote(communityId, $"测试表决 {matter}", "测试", matter, VoteKind.Motion, Secrecy.Named, false, 0,
            now.AddDays(-20), now.AddDays(-1), Guid.NewGuid(), null, [], now.AddDays(-40));
        vote.Open(100_000, 100, 100, false, now.AddDays(-20));
        var agree = passed ? new Totals(90_000, 90) : new Totals(10_000, 10);
        vote.Close(new VoteResult(new Totals(100_000, 100), new Totals(100_000, 100), agree,
            new Totals(100_000 - agree.Area, 100 - agree.Heads), new Totals(0, 0), true, passed, []), now.AddDays(-1), 7);
        db.Votes.Add(vote);
        await db.SaveChangesAsync();
        return vote.Id;
    });

    public Task<Guid> OpenVote(Guid communityId, Matter matter) => api.WithDb(async db =>
    {
        var now = api.Clock.GetUtcNow();
        var vote = new Vote(communityId, "进行中", "测试", matter, VoteKind.Motion, Secrecy.Named, false, 0,
            now.AddDays(-2), now.AddDays(5), Guid.NewGuid(), null, [], now.AddDays(-20));
        vote.Open(100_000, 100, 100, false, now.AddDays(-2));
        db.Votes.Add(vote);
        await db.SaveChangesAsync();
        return vote.Id;
    });

    /// <summary>Posts through the domain service in its own transaction, like every endpoint does.</summary>
    public async Task<FundEntry> Post(FundPosting posting)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<FundLedger>();
        return await db.InTransactionAsync(async c =>
        {
            var entry = await ledger.PostAsync(posting, c);
            await db.SaveChangesAsync(c);
            return entry;
        }, default);
    }

    public Task<FundHousehold> Household(Guid unitId) =>
        api.WithDb(db => db.FundHouseholds.AsNoTracking().SingleAsync(h => h.UnitId == unitId));

    public Task<List<FundHousehold>> Households(Guid communityId) =>
        api.WithDb(db => db.FundHouseholds.AsNoTracking().Where(h => h.CommunityId == communityId).OrderBy(h => h.Id).ToListAsync());

    public Task<Guid> UnitOf(string username) => api.WithDb(db =>
        (from u in db.Users where u.OpenId == AuthApi.DevOpenId(username)
         join b in db.UnitBindings on u.Id equals b.UserId
         select b.UnitId).FirstAsync());
}

public static class FundArrange
{
    /// <summary>A new community in the demo street with units of the given areas, committee-a and chair-a on its committee.</summary>
    public static Task<(Guid CommunityId, List<Guid> Units)> NewCommunity(ApiFactory api, params long[] areas) =>
        NewCommunityInBuildings(api, 1, areas);

    /// <summary>
    /// Like <see cref="NewCommunity"/>, the units dealt in turn to buildings 1幢, 2幢 … (unit i in building i mod n). Each
    /// unit's building area is its exclusive area + a quarter (integer), as registers of such blocks have it.
    /// </summary>
    public static Task<(Guid CommunityId, List<Guid> Units)> NewCommunityInBuildings(ApiFactory api, int buildingCount, params long[] areas) =>
        NewCommunityWithAreas(api, buildingCount, [.. areas.Select(a => (a, (long?)(a + a / 4)))]);

    /// <summary>A new community whose units have exactly these exclusive and building areas (null: not registered).</summary>
    public static Task<(Guid CommunityId, List<Guid> Units)> NewCommunityWithAreas(ApiFactory api, int buildingCount,
        params (long Exclusive, long? Building)[] unitAreas) => api.WithDb(async db =>
    {
        var areas = unitAreas.Select(u => u.Exclusive).ToArray();
        var street = await db.Streets.Select(s => s.Id).FirstAsync();
        var community = new Renovation.Community.Application.Features.Places.ResidentialCommunity(street, "测试小区" + Guid.NewGuid().ToString("N")[..6], "测试路 1 号", 1995);
        var buildings = Enumerable.Range(1, buildingCount)
            .Select(b => new Renovation.Community.Application.Features.Places.Building(community.Id, $"{b}幢")).ToList();
        db.Add(community);
        db.AddRange(buildings);
        var units = new List<Guid>();
        for (var i = 0; i < areas.Length; i++)
        {
            var building = buildings[i % buildingCount];
            var party = new Renovation.Community.Application.Features.Places.OwnerParty(community.Id, Renovation.Community.Application.Features.Places.OwnerPartyKind.Person,
                "业主" + i, [("业主" + i, "1234")]);
            var unit = new Renovation.Community.Application.Features.Places.Unit(community.Id, building.Id, $"{101 + i}", areas[i],
                Renovation.Community.Application.Features.Places.AreaBasis.Registered, $"证{i}", party.Id, unitAreas[i].Building);
            db.AddRange(party, unit);
            units.Add(unit.Id);
        }
        var now = api.Clock.GetUtcNow();
        foreach (var (name, role) in new[] { ("committee-a", Renovation.Community.Application.Common.Authorization.Role.CommitteeMember),
                     ("chair-a", Renovation.Community.Application.Common.Authorization.Role.CommitteeChair) })
        {
            var user = await db.Users.SingleAsync(u => u.OpenId == AuthApi.DevOpenId(name));
            db.RoleGrants.Add(new Renovation.Community.Application.Features.Identity.RoleGrant(user.Id, role, community.Id, now));
        }
        await db.SaveChangesAsync();
        return (community.Id, units);
    });
}
