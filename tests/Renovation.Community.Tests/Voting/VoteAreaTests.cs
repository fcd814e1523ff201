using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Voting;

/// <summary>
/// Article 278 counts exclusive area (专有部分面积), whatever the fund counts by: a unit's building area (建筑面积) never
/// enters the roll, the totals or a ballot, and the fund's area setting does not reach votes.
/// </summary>
public sealed class VoteAreaTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    [Fact]
    public async Task VotesCountExclusiveArea()
    {
        var community = await _world.Community(Owner(5000, 6000), Owner(9000));
        // Give every unit a building area far from its exclusive area (×1.5 + 1 m²), and have the owners' rules choose the
        // building area for the fund: neither may change what the vote counts.
        await api.WithDb(db => db.Units.Where(u => u.CommunityId == community.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.BuildingAreaHundredths, u => u.ExclusiveAreaHundredths * 3 / 2 + 100)));
        await api.WithDb(async db =>
        {
            var settings = new Renovation.Community.Application.Features.Fund.FundSettings(community.Id);
            settings.Change(Renovation.Community.Application.Features.Places.AreaKind.Building,
                Renovation.Community.Application.Features.Places.AreaKind.Building);
            db.FundSettings.Add(settings);
            await db.SaveChangesAsync();
        });

        var vote = await _world.OpenVote(community.Id);
        // Exclusive: 50 + 60 + 90 = 200.00 m² (building areas would sum to 76 + 91 + 136 = 303.00 m²).
        Assert.Equal(new Totals(20_000, 2), vote.Electorate);
        var roll = await api.WithDb(db => db.ElectorateParties.AsNoTracking().Where(p => p.VoteId == vote.Id)
            .ToDictionaryAsync(p => p.OwnerPartyId, p => p.AreaHundredths));
        Assert.Equal(11_000, roll[community.Parties[0].Id]);
        Assert.Equal(9_000, roll[community.Parties[1].Id]);
        var units = await api.WithDb(db => db.ElectorateUnits.AsNoTracking().Where(u => u.VoteId == vote.Id).Select(u => u.AreaHundredths).ToListAsync());
        Assert.Equal([5_000, 6_000, 9_000], units.Order().ToList());

        await VotingWorld.Agree(community.Parties[0].Voter, vote.Id);
        var current = await _world.Get(vote.Id);
        Assert.Equal(new Totals(11_000, 1), current.Participating);
        var ballot = await api.WithDb(db => db.Ballots.AsNoTracking().SingleAsync(b => b.VoteId == vote.Id));
        Assert.Equal(11_000, ballot.AreaHundredths);
    }
}
