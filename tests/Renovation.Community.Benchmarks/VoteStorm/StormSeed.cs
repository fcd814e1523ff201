using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Benchmarks.VoteStorm;

public sealed record StormVoter(Guid UserId, int Community);

/// <summary>The last community (index <c>Communities.Count - 1</c>) holds only the warm-up voters.</summary>
public sealed record StormWorld(Guid StreetOfficerId, IReadOnlyList<Guid> Communities, IReadOnlyList<StormVoter> Voters,
    IReadOnlyList<StormVoter> WarmUpVoters);

/// <summary>
/// Writes the benchmark's communities straight into the database (no audit, no HTTP): one owner party, one unit and
/// one bound resident per voter, spread evenly over the communities; then one more community of warm-up voters, who
/// bring the casting path to its steady state (JIT tiers, pools, caches) before anything is timed.
/// </summary>
public static class StormSeed
{
    public static async Task<StormWorld> SeedAsync(string connectionString, int parties, int communities, int warmUpParties)
    {
        var options = new DbContextOptionsBuilder<MySqlAppDbContext>()
            .UseMySqlStore(connectionString).Options;
        var now = DateTimeOffset.UtcNow;
        var random = new Random(20000);
        var district = new District("基准测试区", "339999");
        var street = new Street(district.Id, "基准测试街道");
        var officer = new AppUser("bench:street-officer", null, "基准街道工作人员", now);
        var communityIds = new List<Guid>();
        var voters = new List<StormVoter>();
        var warmUpVoters = new List<StormVoter>();
        await using (var db = new MySqlAppDbContext(options))
        {
            db.AddRange(district, street, officer, new RoleGrant(officer.Id, Role.StreetOfficer, street.Id, now));
            await db.SaveChangesAsync();
        }

        for (var c = 0; c <= communities; c++)
        {
            var community = new ResidentialCommunity(street.Id, $"基准小区{c + 1}", "基准路", 1990);
            communityIds.Add(community.Id);
            await using (var db = new MySqlAppDbContext(options))
            {
                db.Communities.Add(community);
                await db.SaveChangesAsync();
            }
            var warmUp = c == communities;
            var perCommunity = warmUp ? warmUpParties : parties / communities + (c < parties % communities ? 1 : 0);
            const int chunk = 1000;
            for (var start = 0; start < perCommunity; start += chunk)
            {
                await using var db = new MySqlAppDbContext(options);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var building = new Building(community.Id, $"{start / chunk + 1}幢");
                db.Buildings.Add(building);
                for (var i = start; i < Math.Min(start + chunk, perCommunity); i++)
                {
                    var name = $"业主{c + 1}-{i + 1}";
                    var party = new OwnerParty(community.Id, OwnerPartyKind.Person, name, [(name, "1234")]);
                    var unit = new Unit(community.Id, building.Id, $"{i + 1}", random.NextInt64(4_500, 12_001), AreaBasis.Registered, $"证{c}-{i}", party.Id);
                    var user = new AppUser($"bench:{c}:{i}", null, name, now);
                    var binding = new UnitBinding(user.Id, unit.Id, community.Id, name, "1234", $"证{c}-{i}", true, now);
                    binding.Approve(officer.Id, now);
                    db.AddRange(party, unit, user, binding);
                    (warmUp ? warmUpVoters : voters).Add(new StormVoter(user.Id, c));
                }
                await db.SaveChangesAsync();
            }
        }
        return new StormWorld(officer.Id, communityIds, voters, warmUpVoters);
    }
}
