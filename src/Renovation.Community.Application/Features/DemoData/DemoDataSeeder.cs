using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.DemoData;

/// <summary>
/// Quick-start data: one district and street, two communities with about 200 units, a multi-unit owner, co-owners,
/// the developer's unsold units, and one demo user per role (sign in with dev-login as the usernames below).
/// Deterministic, and skipped when the demo district already exists.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db, TimeProvider clock, StoryDemo story, IOptions<MeetingsOptions> meetings)
{
    public const string DistrictCode = "331002";
    public static readonly string[] Usernames =
        ["resident-a", "coowner-a", "resident-b", "committee-a", "chair-a", "committee-b", "chair-b", "property-a", "property-b",
         "street-officer", "city-admin", "finance"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Districts.AnyAsync(d => d.Code == DistrictCode, ct))
            return;
        var now = clock.GetUtcNow();
        var district = new District("椒江区", DistrictCode);
        var street = new Street(district.Id, "海门街道");
        var companyA = new PropertyCompany("安居物业服务有限公司");
        var companyB = new PropertyCompany("和美物业管理有限公司");
        var communityA = new ResidentialCommunity(street.Id, "幸福里小区", "椒江区海门街道东山路 88 号", 1994);
        var communityB = new ResidentialCommunity(street.Id, "和平新村", "椒江区海门街道和平路 16 号", 1998);
        communityA.AssignPropertyCompany(companyA.Id);
        communityB.AssignPropertyCompany(companyB.Id);
        db.AddRange(district, street, companyA, companyB, communityA, communityB);

        var random = new Random(20261128);
        var unitsA = AddCommunityUnits(communityA, buildings: 5, floors: 6, developerUnits: 6, random);
        var unitsB = AddCommunityUnits(communityB, buildings: 4, floors: 5, developerUnits: 3, random);

        var users = Usernames.ToDictionary(u => u, u => new AppUser(AuthApi.DevOpenId(u), null, DisplayName(u), now));
        db.Users.AddRange(users.Values);
        db.RoleGrants.AddRange(
            new RoleGrant(users["committee-a"].Id, Role.CommitteeMember, communityA.Id, now),
            new RoleGrant(users["chair-a"].Id, Role.CommitteeChair, communityA.Id, now),
            new RoleGrant(users["committee-b"].Id, Role.CommitteeMember, communityB.Id, now),
            new RoleGrant(users["chair-b"].Id, Role.CommitteeChair, communityB.Id, now),
            new RoleGrant(users["property-a"].Id, Role.PropertyStaff, companyA.Id, now),
            new RoleGrant(users["property-b"].Id, Role.PropertyStaff, companyB.Id, now),
            new RoleGrant(users["street-officer"].Id, Role.StreetOfficer, street.Id, now),
            new RoleGrant(users["city-admin"].Id, Role.CityAdmin, null, now),
            new RoleGrant(users["finance"].Id, Role.FinanceOfficer, null, now));

        Bind(users["resident-a"], unitsA.MultiUnitOwnerUnit, now);
        Bind(users["coowner-a"], unitsA.CoOwnedUnit, now);
        Bind(users["resident-b"], unitsB.MultiUnitOwnerUnit, now);
        await db.SaveChangesAsync(ct);
        await story.SeedAsync(ct);
        await MeetingsDemo.SeedAsync(db, communityA.Id, communityB.Id, now, meetings.Value.CommitteeNoticeDays, ct);
        await ServicesDemo.SeedAsync(db, now, ct);
        await FundDemo.SeedAsync(db, clock, ct);
    }

    private sealed record SeededUnits(Unit MultiUnitOwnerUnit, Unit CoOwnedUnit);

    private SeededUnits AddCommunityUnits(ResidentialCommunity community, int buildings, int floors, int developerUnits, Random random)
    {
        var developer = new OwnerParty(community.Id, OwnerPartyKind.Developer, "台州城建房地产开发有限公司",
            [("台州城建房地产开发有限公司", null)]);
        db.OwnerParties.Add(developer);
        var doors = new List<(Building Building, string Number)>();
        for (var b = 1; b <= buildings; b++)
        {
            var building = new Building(community.Id, $"{b}幢");
            db.Buildings.Add(building);
            for (var floor = 1; floor <= floors; floor++)
                for (var door = 1; door <= 4; door++)
                    doors.Add((building, $"{floor}0{door}"));
        }

        // The first three doors belong to one owner (counts once, areas add up); the next one to two co-owners; the
        // last few are the developer's unsold units; everyone else owns one unit.
        var multiOwner = new OwnerParty(community.Id, OwnerPartyKind.Person, "张伟", [("张伟", "1234")]);
        var coOwners = new OwnerParty(community.Id, OwnerPartyKind.CoOwners, "李明、王芳", [("李明", "5678"), ("王芳", "902X")]);
        // Contact phones as a register's 联系电话 column gives them (staff see them masked in queues; docs/services.md).
        multiOwner.Members[0].ChangeContactPhone("13800001234");
        coOwners.Members[0].ChangeContactPhone("13900005678");
        db.OwnerParties.AddRange(multiOwner, coOwners);
        Unit? first = null, coOwned = null;
        for (var i = 0; i < doors.Count; i++)
        {
            var (building, number) = doors[i];
            OwnerParty party = i switch
            {
                < 3 => multiOwner,
                3 => coOwners,
                _ when i >= doors.Count - developerUnits => developer,
                _ => NewPerson(community.Id, random),
            };
            // Typical pre-2000 flats: 45 to 120 m², registered to the hundredth.
            var area = random.NextInt64(4_500, 12_001);
            // Building area adds the unit's share of stairs and walls: 1.20 to 1.30 × the exclusive area in such blocks.
            // Derived from the area rather than drawn, so the random sequence (names, certificates) stays as it was.
            var buildingArea = area * (120 + area % 11) / 100;
            var unit = new Unit(community.Id, building.Id, number, area, AreaBasis.Registered,
                party.Kind == OwnerPartyKind.Developer ? null : $"浙(2019)台州市不动产权第{random.Next(1_000_000, 9_999_999)}号",
                party.Id, buildingArea);
            db.Units.Add(unit);
            first ??= unit;
            if (i == 3)
                coOwned = unit;
        }
        return new SeededUnits(first!, coOwned!);
    }

    private int _phones;

    private OwnerParty NewPerson(Guid communityId, Random random)
    {
        var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
        var party = new OwnerParty(communityId, OwnerPartyKind.Person, name, [(name, random.Next(0, 10_000).ToString("D4"))]);
        // Counted, not drawn, so the random sequence (names, areas, certificates) stays as it was.
        party.Members[0].ChangeContactPhone($"137{++_phones:D8}");
        db.OwnerParties.Add(party);
        return party;
    }

    private void Bind(AppUser user, Unit unit, DateTimeOffset now)
    {
        var binding = new UnitBinding(user.Id, unit.Id, unit.CommunityId, user.DisplayName, "0000", unit.CertificateNumber ?? "",
            matchesRegister: true, now);
        binding.Approve(user.Id, now);
        db.UnitBindings.Add(binding);
    }

    private static string DisplayName(string username) => username switch
    {
        "resident-a" => "张伟（幸福里业主）",
        "coowner-a" => "李明（幸福里共有人）",
        "resident-b" => "张伟（和平新村业主）",
        "committee-a" => "幸福里业委会委员",
        "chair-a" => "幸福里业委会主任",
        "committee-b" => "和平新村业委会委员",
        "chair-b" => "和平新村业委会主任",
        "property-a" => "安居物业工作人员",
        "property-b" => "和美物业工作人员",
        "street-officer" => "海门街道工作人员",
        "city-admin" => "市旧改办管理员",
        "finance" => "平台财务",
        _ => username,
    };
}
