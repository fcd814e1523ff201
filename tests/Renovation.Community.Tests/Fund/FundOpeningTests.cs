using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>Opening the fund: one account per community, opening balances from CSV (all or nothing) or rate × area.</summary>
public sealed class FundOpeningTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);

    [Fact]
    public async Task One_account_per_community_even_when_opened_by_racing_requests()
    {
        var (communityId, units) = await FundArrange.NewCommunity(api, 8956, 4521);
        var chair = await api.ClientFor("chair-a");
        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => chair.PostJson($"/api/v1/communities/{communityId}/fund", new { lowBalancePercent = 30 }),
            db => db.FundAccounts.CountAsync(a => a.CommunityId == communityId), HttpStatusCode.Created, HttpStatusCode.Conflict, "fund_exists");
        Assert.Equal(units.Count, (await _fund.Households(communityId)).Count);
    }

    [Fact]
    public async Task Initial_deposits_are_rate_times_building_area_posted_once()
    {
        // Exclusive areas that would give other deposits, so the test fails if the exclusive area were used.
        var (communityId, _) = await FundArrange.NewCommunityWithAreas(api, 1, (7000, 8956), (3600, 4521), (8000, 10000));
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
        var answers = await Race.Run(Race.DefaultRacers, () => chair.PostJson($"/api/v1/communities/{communityId}/fund/opening/computed",
            new { ratePerSqmFen = 10_050 }));
        answers.ExactlyOne(HttpStatusCode.OK).OthersAre(HttpStatusCode.Conflict, "fund_opening_done");
        // Building areas: 89.56 m² × 100.50 元 = 9000.78 元; 45.21 × 100.50 = 4543.605 → 4543.61 (half up); 100 × 100.50 = 10050.
        var deposits = (await _fund.Households(communityId)).Select(h => h.InitialDepositFen).Order().ToList();
        Assert.Equal([454_361, 900_078, 1_005_000], deposits);
        var account = await _fund.Account(communityId);
        Assert.Equal(454_361 + 900_078 + 1_005_000, account.BalanceFen);
        await _fund.AssertInvariant(communityId);
    }

    [Fact]
    public async Task A_csv_import_with_any_bad_row_imports_nothing_and_names_every_error()
    {
        var (communityId, _) = await FundArrange.NewCommunity(api, 8000, 9000);
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
        var bad = FundOpening.Header + "\n1幢,101,1234.56,8000\n1幢,102,12.345,9000\n1幢,999,1,1\n1幢,101,1,1\n";
        var problem = await (await Import(chair, communityId, bad)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "fund_import_invalid");
        var lines = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).ToList();
        Assert.Equal([3, 4, 5], lines);
        Assert.Equal(0, (await _fund.Account(communityId)).EntryCount);
        Assert.Null((await _fund.Account(communityId)).OpeningPostedAt);

        var good = FundOpening.Header + "\n1幢,101,1234.56,8000\n1幢,102,0,9000.5\n";
        var result = await (await Import(chair, communityId, good)).ShouldBe<OpeningResult>(HttpStatusCode.OK);
        Assert.Equal(123_456, result.OpeningFen);
        Assert.Equal(800_000 + 900_050, result.InitialDepositFen);
        Assert.Equal(123_456, result.BalanceFen);
        await (await Import(chair, communityId, good)).ShouldBeProblem(HttpStatusCode.Conflict, "fund_opening_done");
        await _fund.AssertInvariant(communityId);
    }

    [Fact]
    public async Task The_opening_reads_a_gbk_csv_with_chinese_headers_like_the_register_import()
    {
        var (communityId, _) = await FundArrange.NewCommunity(api, 8000, 9000);
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes("楼栋,房号,期初余额,首期交存\r\n1幢,101,1234.56,8000\r\n1幢,102,0.01,9000.5\r\n");
        var content = new ByteArrayContent(gbk);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var result = await (await chair.PostAsync($"/api/v1/communities/{communityId}/fund/opening/import", content))
            .ShouldBe<OpeningResult>(HttpStatusCode.OK);
        Assert.Equal(123_457, result.OpeningFen);
        Assert.Equal(800_000 + 900_050, result.InitialDepositFen);
        await _fund.AssertInvariant(communityId);
    }

    [Fact]
    public async Task The_opening_reads_an_xlsx_workbook_and_reports_its_row_errors_by_spreadsheet_row()
    {
        var (communityId, _) = await FundArrange.NewCommunity(api, 8000, 9000);
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
        static ByteArrayContent Xlsx(params object[][] rows)
        {
            using var stream = new MemoryStream();
            MiniExcelLibs.MiniExcel.SaveAs(stream, rows.Select(r => new Dictionary<string, object>
                { ["a"] = r[0], ["b"] = r[1], ["c"] = r[2], ["d"] = r[3] }).ToList(), printHeader: false);
            var content = new ByteArrayContent(stream.ToArray());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(
                Renovation.Community.Application.Common.Text.Spreadsheet.XlsxMediaType);
            return content;
        }
        string[] header = ["building", "unit", "opening_balance_yuan", "initial_deposit_yuan"];
        var url = $"/api/v1/communities/{communityId}/fund/opening/import";
        var bad = await (await chair.PostAsync(url, Xlsx(header, ["1幢", "101", 1234.56m, 8000], ["1幢", "102", -5, 9000])))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "fund_import_invalid");
        Assert.Equal(3, bad.GetProperty("errors").EnumerateArray().Single().GetProperty("line").GetInt32());
        Assert.Equal(0, (await _fund.Account(communityId)).EntryCount);

        var result = await (await chair.PostAsync(url, Xlsx(header, ["1幢", "101", 1234.56m, 8000], ["1幢", "102", 0, 9000.5m])))
            .ShouldBe<OpeningResult>(HttpStatusCode.OK);
        Assert.Equal(123_456, result.OpeningFen);
        Assert.Equal(800_000 + 900_050, result.InitialDepositFen);
        await _fund.AssertInvariant(communityId);
    }

    [Fact]
    public async Task An_unreadable_opening_file_is_named_as_the_opening_file_not_the_register()
    {
        var (communityId, _) = await FundArrange.NewCommunity(api, 8000);
        var chair = await api.ClientFor("chair-a");
        await (await chair.PostJson($"/api/v1/communities/{communityId}/fund", new { })).ShouldBe<FundAccountView>(HttpStatusCode.Created);
        var utf16 = new ByteArrayContent(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(FundOpening.Header)).ToArray());
        utf16.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var problem = await (await chair.PostAsync($"/api/v1/communities/{communityId}/fund/opening/import", utf16))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_encoding_unsupported");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("期初文件", detail);
        Assert.DoesNotContain("名册", detail);
        Assert.Equal(0, (await _fund.Account(communityId)).EntryCount);
    }

    private static Task<HttpResponseMessage> Import(HttpClient client, Guid communityId, string csv) =>
        client.PostAsync($"/api/v1/communities/{communityId}/fund/opening/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
}
