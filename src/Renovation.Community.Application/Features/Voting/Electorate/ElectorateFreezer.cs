using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>Copies the community's units and owner parties into the vote's roll at opening (rule book §3).</summary>
public static class ElectorateFreezer
{
    public static async Task<(long Area, long Heads, int Units)> FreezeAsync(AppDbContext db, Vote vote, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.CommunityId == vote.CommunityId)
            .Select(u => new { u.Id, u.OwnerPartyId, u.ExclusiveAreaHundredths, PartyName = u.OwnerParty!.Name })
            .ToListAsync(ct);
        foreach (var unit in units)
            db.ElectorateUnits.Add(new ElectorateUnit(vote.Id, unit.Id, unit.OwnerPartyId, unit.ExclusiveAreaHundredths));
        var parties = units.GroupBy(u => u.OwnerPartyId).ToList();
        foreach (var party in parties)
            db.ElectorateParties.Add(new ElectorateParty(vote.Id, party.Key, party.First().PartyName,
                party.Sum(u => u.ExclusiveAreaHundredths), party.Count()));
        return (units.Sum(u => u.ExclusiveAreaHundredths), parties.Count, units.Count);
    }
}
