using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Places;

/// <summary>
/// The register takes both areas of a unit: exclusive (专有面积, votes and common income) and building (建筑面积, the fund).
/// The building area column is optional; without it a unit's building area is unknown, never copied from the exclusive one.
/// </summary>
public sealed class RegisterBuildingAreaTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<Guid> NewEmptyCommunity()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var created = await (await officer.PostJson("/api/v1/communities",
                new { streetId = demo.StreetId, name = "面积小区" + Guid.NewGuid().ToString("N")[..6], address = "东海大道 2 号", builtYear = 1998 }))
            .ShouldBe<CommunityView>(HttpStatusCode.Created);
        return created.Id;
    }

    private async Task<HttpResponseMessage> Import(Guid communityId, string csv) =>
        await (await api.ClientFor("street-officer")).PostAsync($"/api/v1/communities/{communityId}/register/import",
            new StringContent(csv, Encoding.UTF8, "text/csv"));

    private Task<Dictionary<string, (long Exclusive, long? Building)>> Areas(Guid communityId) => api.WithDb(db =>
        db.Units.AsNoTracking().Where(u => u.CommunityId == communityId)
            .ToDictionaryAsync(u => u.Number, u => (u.ExclusiveAreaHundredths, u.BuildingAreaHundredths)));

    [Fact]
    public async Task A_register_with_both_columns_stores_both_areas_exactly()
    {
        var communityId = await NewEmptyCommunity();
        // Chinese headers, the building area column before the exclusive one: columns are found by name.
        var csv = """
            楼栋,房号,建筑面积,专有面积,业主类型,业主姓名,身份证后四位
            1幢,101,112.3,89.56,person,张三,1234
            1幢,102,75.50,75.50,person,李四,5678
            """;
        var result = await (await Import(communityId, csv)).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        Assert.Equal((8956L + 7550, 11230L + 7550, 0), (result.TotalAreaHundredths, result.TotalBuildingAreaHundredths, result.UnitsWithoutBuildingArea));
        var areas = await Areas(communityId);
        Assert.Equal((8956L, (long?)11230), areas["101"]);
        Assert.Equal((7550L, (long?)7550), areas["102"]);
    }

    [Fact]
    public async Task A_register_with_only_the_exclusive_area_leaves_the_building_area_unknown_and_says_how_many()
    {
        var communityId = await NewEmptyCommunity();
        var csv = """
            building,unit,area_m2,party_kind,owners,id_last4
            1幢,101,89.56,person,张三,1234
            1幢,102,60,person,李四,5678
            """;
        var result = await (await Import(communityId, csv)).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        Assert.Equal((2, 0L), (result.UnitsWithoutBuildingArea, result.TotalBuildingAreaHundredths));
        Assert.All((await Areas(communityId)).Values, a => Assert.Null(a.Building));
    }

    [Fact]
    public async Task An_empty_building_area_cell_leaves_that_unit_unknown()
    {
        var communityId = await NewEmptyCommunity();
        var csv = """
            building,unit,area_m2,building_area_m2,party_kind,owners,id_last4
            1幢,101,89.56,,person,张三,1234
            1幢,102,60,72.4,person,李四,5678
            """;
        var result = await (await Import(communityId, csv)).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        Assert.Equal(1, result.UnitsWithoutBuildingArea);
        var areas = await Areas(communityId);
        Assert.Null(areas["101"].Building);
        Assert.Equal(7240, areas["102"].Building);
    }

    [Fact]
    public async Task A_register_with_only_the_building_area_is_refused_for_want_of_the_exclusive_area()
    {
        var communityId = await NewEmptyCommunity();
        var csv = """
            building,unit,building_area_m2,party_kind,owners,id_last4
            1幢,101,112.3,person,张三,1234
            """;
        var before = await RowCounts.Settled(api);
        var problem = await (await Import(communityId, csv)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_invalid");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("line").GetInt32() == 1 && e.GetProperty("column").GetString() == "area_m2");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_building_area_smaller_than_the_exclusive_area_is_refused_per_row_and_nothing_is_written()
    {
        var communityId = await NewEmptyCommunity();
        var csv = """
            building,unit,area_m2,building_area_m2,party_kind,owners,id_last4
            1幢,101,89.56,112.30,person,张三,1234
            1幢,102,112.30,89.56,person,李四,5678
            1幢,103,70,69.99,person,王五,9012
            1幢,104,70,abc,person,赵六,3456
            """;
        var before = await RowCounts.Settled(api);
        var problem = await (await Import(communityId, csv)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_invalid");
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!))
            .ToList();
        Assert.Equal([(3, "building_area_m2"), (4, "building_area_m2"), (5, "building_area_m2")], errors.Select(e => (e.Line, e.Column)).ToList());
        // The message names both figures, so the committee sees the two columns were swapped.
        Assert.Contains("89.56", errors[0].Message);
        Assert.Contains("112.30", errors[0].Message);
        Assert.Contains("不能小于专有面积", errors[1].Message);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task The_template_and_the_download_carry_both_areas_and_an_unknown_one_stays_empty()
    {
        var communityId = await NewEmptyCommunity();
        var csv = """
            building,unit,area_m2,building_area_m2,party_kind,owners,id_last4
            1幢,101,89.56,112.3,person,张三,1234
            1幢,102,60,,person,李四,5678
            """;
        await (await Import(communityId, csv)).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        var officer = await api.ClientFor("street-officer");
        var template = await (await officer.GetAsync($"/api/v1/communities/{communityId}/register/template?format=csv")).Content.ReadAsStringAsync();
        // Every CSV cell is quoted (CsvCell).
        Assert.StartsWith("building,unit,area_m2,building_area_m2,", template.TrimStart('\uFEFF').Replace("\"", ""));
        var download = (await (await officer.GetAsync($"/api/v1/communities/{communityId}/register/download?format=csv")).Content.ReadAsStringAsync())
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string[] Cells(int row) => [.. download[row].Split(',').Select(c => c.Trim('"'))];
        Assert.Equal((89.56m, 112.3m), (decimal.Parse(Cells(1)[2], System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(Cells(1)[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(("102", ""), (Cells(2)[1], Cells(2)[3]));

        // The download imports into another community unchanged: the unknown building area stays unknown.
        var other = await NewEmptyCommunity();
        await (await Import(other, string.Join("\n", download))).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        Assert.Equal(await Areas(communityId), await Areas(other));
    }

    [Fact]
    public async Task A_unit_edited_with_a_building_area_below_its_exclusive_area_is_refused()
    {
        var communityId = await NewEmptyCommunity();
        await (await Import(communityId, "building,unit,area_m2,party_kind,owners,id_last4\n1幢,101,80,person,张三,1234\n"))
            .ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        var unit = await api.WithDb(db => db.Units.AsNoTracking().SingleAsync(u => u.CommunityId == communityId));
        var city = await api.ClientFor("city-admin");
        object Body(long building) => new
        {
            exclusiveAreaHundredths = 8_000, areaBasis = "Registered", ownerPartyId = unit.OwnerPartyId, buildingAreaHundredths = building,
        };
        await (await city.PutJson($"/api/v1/units/{unit.Id}", Body(7_999))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unit_building_area_below_exclusive");
        Assert.Null((await Areas(communityId))["101"].Building);
        var edited = await (await city.PutJson($"/api/v1/units/{unit.Id}", Body(9_950))).ShouldBe<UnitView>(HttpStatusCode.OK);
        Assert.Equal(9_950, edited.BuildingAreaHundredths);
    }
}
