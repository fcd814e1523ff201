using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>Ids of the seeded demo places, looked up by their names.</summary>
public sealed record Demo(Guid DistrictId, Guid StreetId, Guid CommunityA, Guid CommunityB, Guid CompanyA, Guid CompanyB)
{
    public static Task<Demo> Of(ApiFactory factory) => factory.WithDb(async db =>
    {
        var a = await db.Communities.SingleAsync(c => c.Name == "幸福里小区");
        var b = await db.Communities.SingleAsync(c => c.Name == "和平新村");
        var street = await db.Streets.SingleAsync(s => s.Id == a.StreetId);
        return new Demo(street.DistrictId, street.Id, a.Id, b.Id, a.PropertyCompanyId!.Value, b.PropertyCompanyId!.Value);
    });

    /// <summary>Adds a second street with one community and one unit, outside every demo user's scope but the city admin's.</summary>
    public static Task<(Guid StreetId, Guid CommunityId, Guid UnitId)> AddOtherStreet(ApiFactory factory) => factory.WithDb(async db =>
    {
        var districtId = await db.Districts.Select(d => d.Id).FirstAsync();
        var street = new Street(districtId, "白云街道" + Guid.NewGuid().ToString("N")[..6]);
        var community = new ResidentialCommunity(street.Id, "白云小区", "白云路 1 号", 1990);
        var building = new Building(community.Id, "1幢");
        var party = new OwnerParty(community.Id, OwnerPartyKind.Person, "赵六", [("赵六", "1111")]);
        var unit = new Unit(community.Id, building.Id, "101", 8000, AreaBasis.Registered, "证1", party.Id);
        db.AddRange(street, community, building, party, unit);
        await db.SaveChangesAsync();
        return (street.Id, community.Id, unit.Id);
    });
}
