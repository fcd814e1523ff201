using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Places;

public sealed class RegisterImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Header = "building,unit,area_m2,area_basis,certificate_no,party_key,party_kind,owners,id_last4";

    private async Task<Guid> NewEmptyCommunity()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var created = await (await officer.PostJson("/api/v1/communities",
                new { streetId = demo.StreetId, name = "新小区" + Guid.NewGuid().ToString("N")[..6], address = "东海大道 1 号", builtYear = 1996 }))
            .ShouldBe<CommunityView>(HttpStatusCode.Created);
        return created.Id;
    }

    private static StringContent Csv(string text, string mediaType = "text/csv") => new(text, Encoding.UTF8, mediaType);

    [Fact]
    public async Task A_good_register_imports_units_parties_and_areas_exactly()
    {
        var communityId = await NewEmptyCommunity();
        var csv = $"""
            {Header}
            1幢,101,89.56,registered,浙(2020)第001号,P1,person,张三,1234
            1幢,102,75.5,surveyed,浙(2020)第002号,P2,coowners,李四;王五,5678;902x
            1幢,201,120,,浙(2020)第003号,P1,person,张三,1234
            2幢,101,60.01,contract,,DEV,developer,某开发公司,
            2幢,102,60.99,contract,,DEV,developer,某开发公司,
            """;
        var officer = await api.ClientFor("street-officer");
        var result = await (await officer.PostAsync($"/api/v1/communities/{communityId}/register/import", Csv(csv)))
            .ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        Assert.Equal((2, 5, 3, 8956L + 7550 + 12000 + 6001 + 6099), (result.BuildingsCreated, result.UnitsCreated, result.OwnerPartiesCreated, result.TotalAreaHundredths));

        var summary = await (await officer.GetAsync($"/api/v1/communities/{communityId}/register-summary"))
            .ShouldBe<RegisterSummary>(HttpStatusCode.OK);
        // 法释〔2009〕7号: the two-unit owner counts once, co-owners once, the developer's unsold units once.
        Assert.Equal(3, summary.OwnerParties);
        Assert.Equal(5, summary.Units);
        Assert.Equal(result.TotalAreaHundredths, summary.TotalAreaHundredths);

        var coOwners = await api.WithDb(db => db.OwnerParties.Include(p => p.Members)
            .SingleAsync(p => p.CommunityId == communityId && p.Kind == OwnerPartyKind.CoOwners));
        Assert.Equal(["李四", "王五"], coOwners.Members.Select(m => m.Name).Order());
        Assert.Contains(coOwners.Members, m => m.IdLast4 == "902X");
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_number_and_nothing_is_written()
    {
        var communityId = await NewEmptyCommunity();
        var csv = $"""
            {Header}
            1幢,101,89.56,registered,证1,P1,person,张三,1234
            1幢,102,89.567,registered,证2,P2,person,李四,5678
            1幢,103,-5,registered,证3,P3,person,王五,9012
            1幢,101,70,registered,证4,P4,person,赵六,3456
            1幢,104,70,registered,证5,P1,person,张三丰,1234
            1幢,105,70,registered,证6,P5,coowners,孙七,1111
            1幢,106,70,lease,证7,P6,tenant,周八,12
            2幢,101,60,contract,,DEV1,developer,开发公司甲,
            2幢,102,60,contract,,DEV2,developer,开发公司乙,
            1幢,107,70
            """;
        var before = await RowCounts.Settled(api);
        var officer = await api.ClientFor("street-officer");
        var problem = await (await officer.PostAsync($"/api/v1/communities/{communityId}/register/import", Csv(csv)))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_invalid");
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").GetString())).ToList();

        Assert.Contains((3, "area_m2"), errors);       // three decimals
        Assert.Contains((4, "area_m2"), errors);       // negative
        Assert.Contains((5, "unit"), errors);          // same door as line 2
        Assert.Contains((7, "owners"), errors);        // co-owners with one name
        Assert.Contains((8, "area_basis"), errors);
        Assert.Contains((8, "party_kind"), errors);
        Assert.Contains((8, "id_last4"), errors);
        Assert.Contains((10, "owners"), errors);       // a second developer party
        Assert.Contains((11, ""), errors);             // wrong column count
        Assert.DoesNotContain(errors, e => e.Line == 2);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Units_already_in_the_register_are_refused()
    {
        var communityId = await NewEmptyCommunity();
        var officer = await api.ClientFor("street-officer");
        var csv = $"{Header}\n1幢,101,80,registered,证1,P1,person,张三,1234\n";
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/communities/{communityId}/register/import", Csv(csv))).StatusCode);
        var problem = await (await officer.PostAsync($"/api/v1/communities/{communityId}/register/import", Csv(csv)))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_invalid");
        Assert.Equal(2, problem.GetProperty("errors")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task A_file_without_the_header_is_refused_on_line_1()
    {
        var communityId = await NewEmptyCommunity();
        var officer = await api.ClientFor("street-officer");
        var problem = await (await officer.PostAsync($"/api/v1/communities/{communityId}/register/import", Csv("1幢,101,80\n")))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_invalid");
        Assert.Equal(1, problem.GetProperty("errors")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Import_needs_csv_content()
    {
        var communityId = await NewEmptyCommunity();
        var officer = await api.ClientFor("street-officer");
        await (await officer.PostAsync($"/api/v1/communities/{communityId}/register/import",
                new StringContent("{}", Encoding.UTF8, "application/json")))
            .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData("committee-a", HttpStatusCode.Forbidden)]
    [InlineData("property-a", HttpStatusCode.Forbidden)]
    [InlineData("resident-a", HttpStatusCode.Forbidden)]
    [InlineData("committee-b", HttpStatusCode.NotFound)]
    public async Task Only_street_and_city_admins_import_the_register(string caller, HttpStatusCode expected)
    {
        var demo = await Demo.Of(api);
        var before = await RowCounts.Settled(api);
        var client = await api.ClientFor(caller);
        var csv = $"{Header}\n9幢,101,80,registered,证1,PX,person,张三,1234\n";
        await (await client.PostAsync($"/api/v1/communities/{demo.CommunityA}/register/import", Csv(csv))).ShouldBeProblem(expected);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [InlineData("89.56", 8956)]
    [InlineData("89.5", 8950)]
    [InlineData("89", 8900)]
    [InlineData("0.01", 1)]
    [InlineData("123456.78", 12345678)]
    public void Area_is_read_exactly_in_hundredths(string text, long expected)
    {
        Assert.True(Area.TryParseSquareMetres(text, out var hundredths));
        Assert.Equal(expected, hundredths);
        Assert.Equal(expected, Area.TryParseSquareMetres(Area.Format(expected), out var back) ? back : -1);
    }

    [Theory]
    [InlineData("89.567")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("89.")]
    [InlineData(".5")]
    [InlineData("8 9")]
    [InlineData("")]
    public void Area_refuses_anything_but_plain_decimals(string text) =>
        Assert.False(Area.TryParseSquareMetres(text, out _));

    [Fact]
    public async Task Register_lists_show_party_totals_to_staff_but_not_to_residents()
    {
        var demo = await Demo.Of(api);
        var committee = await api.ClientFor("committee-a");
        var parties = JsonDocument.Parse(await committee.GetStringAsync($"/api/v1/communities/{demo.CommunityA}/owner-parties?pageSize=100")).RootElement;
        var multi = parties.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "张伟");
        Assert.Equal(3, multi.GetProperty("units").GetInt32());

        var resident = await api.ClientFor("resident-a");
        await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/owner-parties")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/units")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}
