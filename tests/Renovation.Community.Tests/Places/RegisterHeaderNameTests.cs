using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Places;

/// <summary>
/// A committee's spreadsheet names its columns its own way (幢, 室号, 套内面积, 权利人, 手机 …): the import reads the usual
/// names, says what it read as what, takes 建筑面积 as its own column, keeps each owner's 联系电话, and refuses a header
/// it could only guess at (使用面积, a bare 面积) with its own code.
/// </summary>
public sealed class RegisterHeaderNameTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<Guid> NewEmptyCommunity()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var created = await (await officer.PostJson("/api/v1/communities",
                new { streetId = demo.StreetId, name = "表头小区" + Guid.NewGuid().ToString("N")[..6], address = "东海大道 2 号", builtYear = 1995 }))
            .ShouldBe<CommunityView>(HttpStatusCode.Created);
        return created.Id;
    }

    private async Task<HttpResponseMessage> Import(Guid communityId, string csv) =>
        await (await api.ClientFor("street-officer")).PostAsync($"/api/v1/communities/{communityId}/register/import",
            new StringContent(csv, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task The_usual_header_names_of_a_committees_spreadsheet_are_read_and_each_reading_is_reported()
    {
        var communityId = await NewEmptyCommunity();
        var csv = """
            幢,室号,套内面积,建筑面积,业主类型,权利人,身份证后四位,手机,备注
            1幢,101,89.56,112.30,个人,张三,1234,138 0000 1234,
            1幢,102,75.50,94.66,共有,李四;王五,5678;902X,13900005678;0571-88880000,
            """;
        var result = await (await Import(communityId, csv)).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);

        Assert.Equal((2, 8956L + 7550, 11230L + 9466, 0), (result.UnitsCreated, result.TotalAreaHundredths,
            result.TotalBuildingAreaHundredths, result.UnitsWithoutBuildingArea));
        Assert.Contains(new RegisterColumnRead("套内面积", "area_m2"), result.ColumnsRead!);
        Assert.Contains(new RegisterColumnRead("建筑面积", "building_area_m2"), result.ColumnsRead!);
        Assert.Contains(new RegisterColumnRead("幢", "building"), result.ColumnsRead!);
        Assert.Contains(new RegisterColumnRead("室号", "unit"), result.ColumnsRead!);
        Assert.Contains(new RegisterColumnRead("权利人", "owners"), result.ColumnsRead!);
        Assert.Contains(new RegisterColumnRead("手机", "phone"), result.ColumnsRead!);
        // A warning for each name read as another: the committee checks that 套内面积 really is the exclusive area.
        Assert.Contains(result.Warnings!, w => w.Contains("套内面积") && w.Contains("area_m2"));
        Assert.Contains(result.Warnings!, w => w.Contains("手机") && w.Contains("phone"));
        Assert.DoesNotContain(result.Warnings!, w => w.Contains("“建筑面积”") || w.Contains("业主类型"));
        Assert.Equal(["备注"], result.IgnoredColumns);

        var units = await api.WithDb(db => db.Units.AsNoTracking().Where(u => u.CommunityId == communityId).OrderBy(u => u.Number).ToListAsync());
        Assert.Equal([(8956L, 11230L), (7550L, 9466L)], units.Select(u => (u.ExclusiveAreaHundredths, u.BuildingAreaHundredths ?? 0)));
    }

    [Fact]
    public async Task Each_owners_contact_phone_is_kept_on_the_owner_normalised()
    {
        var communityId = await NewEmptyCommunity();
        var csv = """
            楼栋,房号,专有面积,业主类型,业主姓名,身份证后四位,联系电话
            1幢,101,89.56,个人,张三,1234,138-0000-1234
            1幢,201,80,个人,张三,1234,13800001234
            1幢,102,75.50,共有,李四;王五,5678;902X,13900005678
            """;
        var result = await (await Import(communityId, csv)).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        Assert.Equal(2, result.ContactPhones);

        var members = await api.WithDb(db => db.PartyMembers.AsNoTracking()
            .Where(m => db.OwnerParties.Any(p => p.Id == m.OwnerPartyId && p.CommunityId == communityId))
            .ToDictionaryAsync(m => m.Name, m => m.ContactPhone));
        Assert.Equal("13800001234", members["张三"]);
        Assert.Equal("13900005678", members["李四"]);   // fewer phones than owners: in the order of the names
        Assert.Null(members["王五"]);
    }

    [Fact]
    public async Task A_phone_that_is_not_one_or_differs_for_the_same_owner_is_an_error_of_its_row()
    {
        var communityId = await NewEmptyCommunity();
        var csv = """
            楼栋,房号,专有面积,业主类型,业主姓名,身份证后四位,联系电话
            1幢,101,89.56,个人,张三,1234,13800001234
            1幢,102,80,个人,李四,5678,请联系物业
            1幢,201,80,个人,张三,1234,13911112222
            """;
        var before = await RowCounts.Settled(api);
        var problem = await (await Import(communityId, csv)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_invalid");
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "phone"), errors);
        Assert.Contains((4, "phone"), errors);
        Assert.Equal(before, await RowCounts.Settled(api));
    }

    [Theory]
    [InlineData("使用面积")]
    [InlineData("套内使用面积")]
    [InlineData("面积")]
    [InlineData("身份证号")]
    public async Task A_header_that_could_only_be_guessed_is_refused_with_its_own_code(string header)
    {
        var communityId = await NewEmptyCommunity();
        var csv = $"""
            楼栋,房号,{header},业主类型,业主姓名,身份证后四位
            1幢,101,89.56,个人,张三,1234
            """;
        var before = await RowCounts.Settled(api);
        var problem = await (await Import(communityId, csv)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_header_ambiguous");
        Assert.Equal(header, problem.GetProperty("header").GetString());
        Assert.Contains(header, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await RowCounts.Settled(api));
    }

    [Fact]
    public async Task Two_headers_read_as_the_same_column_are_refused()
    {
        var communityId = await NewEmptyCommunity();
        var csv = """
            楼栋,房号,专有面积,套内面积,业主类型,业主姓名,身份证后四位
            1幢,101,89.56,89.56,个人,张三,1234
            """;
        var problem = await (await Import(communityId, csv)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_invalid");
        Assert.Equal("area_m2", problem.GetProperty("errors")[0].GetProperty("column").GetString());
    }

    [Fact]
    public async Task The_register_download_carries_no_phone()
    {
        var communityId = await NewEmptyCommunity();
        await (await Import(communityId, """
            楼栋,房号,专有面积,业主类型,业主姓名,身份证后四位,联系电话
            1幢,101,89.56,个人,张三,1234,13800001234
            """)).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        var download = await (await api.ClientFor("street-officer")).GetStringAsync($"/api/v1/communities/{communityId}/register/download?format=csv");
        Assert.DoesNotContain("13800001234", download);
        Assert.DoesNotContain("phone", download.Split('\n')[0]);
    }
}
