using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Renovation.Community.Application.Common.Text;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Places;

/// <summary>What a committee's real files look like: Excel's GBK CSV, BOMs, quoted line breaks, .xlsx workbooks.</summary>
public sealed class RegisterFileTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Header = "building,unit,area_m2,area_basis,certificate_no,party_kind,owners,id_last4";

    static RegisterFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private async Task<Guid> NewEmptyCommunity()
    {
        var demo = await Demo.Of(api);
        var officer = await api.ClientFor("street-officer");
        var created = await (await officer.PostJson("/api/v1/communities",
                new { streetId = demo.StreetId, name = "名册小区" + Guid.NewGuid().ToString("N")[..6], address = "东海大道 2 号", builtYear = 1995 }))
            .ShouldBe<CommunityView>(HttpStatusCode.Created);
        return created.Id;
    }

    private async Task<HttpResponseMessage> Import(Guid communityId, byte[] bytes, string mediaType = "text/csv")
    {
        var officer = await api.ClientFor("street-officer");
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await officer.PostAsync($"/api/v1/communities/{communityId}/register/import", content);
    }

    private Task<List<string>> MemberNames(Guid communityId) => api.WithDb(db => db.PartyMembers
        .Where(m => db.OwnerParties.Any(p => p.Id == m.OwnerPartyId && p.CommunityId == communityId))
        .Select(m => m.Name).OrderBy(n => n).ToListAsync());

    [Fact]
    public async Task A_csv_saved_by_Excel_on_Chinese_Windows_in_GBK_keeps_its_names()
    {
        var communityId = await NewEmptyCommunity();
        var gbk = Encoding.GetEncoding("GBK").GetBytes($"{Header}\r\n1幢,101,89.56,registered,证1,person,张三,1234\r\n1幢,102,70,,证2,coowners,李四;王五,5678;9012\r\n");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(gbk)); // really not UTF-8

        var result = await (await Import(communityId, gbk)).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);

        Assert.Equal(2, result.UnitsCreated);
        Assert.Equal(["张三", "李四", "王五"], (await MemberNames(communityId)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_utf8_csv_with_a_byte_order_mark_imports_with_its_header_recognised()
    {
        var communityId = await NewEmptyCommunity();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Header}\n1幢,101,80,,证1,person,赵六,1111\n")).ToArray();
        var result = await (await Import(communityId, bytes)).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        Assert.Equal(1, result.UnitsCreated);
        Assert.Equal(["赵六"], await MemberNames(communityId));
    }

    [Fact]
    public async Task A_quoted_multi_line_address_stays_in_its_cell_and_other_columns_are_ignored_and_named()
    {
        var communityId = await NewEmptyCommunity();
        var csv = $"{Header},地址\r\n" +
                  "1幢,101,80,,证1,person,钱七,2222,\"台州市椒江区\r\n东海大道 2 号 1幢101\"\r\n" +
                  "1幢,102,81,,\"证2\",person,\"孙八\",3333,\"一行\"\r\n";
        var result = await (await Import(communityId, Encoding.UTF8.GetBytes(csv))).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        Assert.Equal(2, result.UnitsCreated);
        Assert.Equal(["地址"], result.IgnoredColumns);
        Assert.Equal(["孙八", "钱七"], (await MemberNames(communityId)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Row_errors_after_a_multi_line_cell_name_the_spreadsheet_row()
    {
        var communityId = await NewEmptyCommunity();
        var csv = $"{Header},备注\n1幢,101,80,,证1,person,钱七,2222,\"两行\n备注\"\n1幢,102,-1,,证2,person,孙八,3333,\n";
        var problem = await (await Import(communityId, Encoding.UTF8.GetBytes(csv)))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_invalid");
        var error = problem.GetProperty("errors")[0];
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Equal("area_m2", error.GetProperty("column").GetString());
    }

    [Fact]
    public async Task An_xlsx_workbook_imports_by_its_content_whatever_its_media_type_says()
    {
        var communityId = await NewEmptyCommunity();
        using var stream = new MemoryStream();
        // Chinese headers, columns in another order, area as a number cell, ID suffixes as text.
        MiniExcel.SaveAs(stream, new[]
        {
            new Dictionary<string, object> { ["业主姓名"] = "周九", ["楼栋"] = "3幢", ["房号"] = "301", ["专有面积"] = 89.56, ["业主类型"] = "个人", ["身份证后四位"] = "0123" },
            new Dictionary<string, object> { ["业主姓名"] = "吴十;郑十一", ["楼栋"] = "3幢", ["房号"] = "302", ["专有面积"] = 100, ["业主类型"] = "coowners", ["身份证后四位"] = "4444;555X" },
        }, excelType: ExcelType.XLSX);

        var result = await (await Import(communityId, stream.ToArray(), "application/octet-stream")).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);

        Assert.Equal(2, result.UnitsCreated);
        Assert.Equal(8956 + 10000, result.TotalAreaHundredths);
        var zhou = await api.WithDb(db => db.PartyMembers.SingleAsync(m => m.Name == "周九"
            && db.OwnerParties.Any(p => p.Id == m.OwnerPartyId && p.CommunityId == communityId)));
        Assert.Equal("0123", zhou.IdLast4);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16-bom-less")]
    [InlineData("binary")]
    public async Task Utf16_and_binary_files_are_refused_with_their_own_code_and_nothing_is_written(string kind)
    {
        var communityId = await NewEmptyCommunity();
        var text = $"{Header}\n1幢,101,80,,证1,person,张三,1234\n";
        var bytes = kind switch
        {
            "utf-16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            "utf-16-bom-less" => Encoding.Unicode.GetBytes(text),
            _ => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xD8, 0x00, 0x81],
        };
        var before = await RowCounts.Settled(api);
        var problem = await (await Import(communityId, bytes)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_encoding_unsupported");
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task An_old_xls_file_is_refused_with_a_hint_to_save_as_xlsx()
    {
        var communityId = await NewEmptyCommunity();
        var problem = await (await Import(communityId, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], Spreadsheet.XlsxMediaType))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "register_format_unsupported");
        Assert.Contains(".xlsx", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_second_file_with_another_unit_of_the_same_owner_joins_the_existing_party()
    {
        var communityId = await NewEmptyCommunity();
        await (await Import(communityId, Encoding.UTF8.GetBytes($"{Header}\n1幢,101,80,,证1,person,张三,1234\n2幢,101,60,,证9,coowners,李四;王五,5678;9012\n")))
            .ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        // Another day, another file: a space in the name, full-width digits and the co-owners in the other order.
        var second = await (await Import(communityId, Encoding.UTF8.GetBytes($"{Header}\n1幢,102,70,,证2,person,张 三,１２３４\n2幢,102,60,,证8,coowners,王五;李四,9012;5678\n1幢,103,50,,证3,person,张三,9999\n")))
            .ShouldBe<RegisterImportResult>(HttpStatusCode.OK);

        Assert.Equal(2, second.OwnerPartiesJoined);
        Assert.Equal(1, second.OwnerPartiesCreated); // 张三 with another ID suffix is another person
        var summary = await (await (await api.ClientFor("street-officer")).GetAsync($"/api/v1/communities/{communityId}/register-summary"))
            .ShouldBe<RegisterSummary>(HttpStatusCode.OK);
        Assert.Equal(3, summary.OwnerParties);
        Assert.Equal(5, summary.Units);
    }

    [Fact]
    public async Task The_template_downloads_as_csv_and_xlsx_and_imports_as_it_is()
    {
        var officer = await api.ClientFor("street-officer");
        var communityId = await NewEmptyCommunity();
        var csv = await officer.GetAsync($"/api/v1/communities/{communityId}/register/template");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("\uFEFF\"building\",\"unit\"", Encoding.UTF8.GetString(csvBytes));

        var xlsx = await officer.GetAsync($"/api/v1/communities/{communityId}/register/template?format=xlsx");
        Assert.Equal(Spreadsheet.XlsxMediaType, xlsx.Content.Headers.ContentType?.MediaType);
        var rows = SheetRows(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(RegisterColumns.All.Select(c => c.Name), rows[0]);
        Assert.Equal(5, rows.Count);

        var imported = await (await Import(communityId, await xlsx.Content.ReadAsByteArrayAsync(), Spreadsheet.XlsxMediaType))
            .ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        Assert.Equal(4, imported.UnitsCreated);
        Assert.Equal(3, imported.OwnerPartiesCreated); // 张三 holds two of the example units
        var second = await NewEmptyCommunity();
        Assert.Equal(4, (await (await Import(second, csvBytes)).ShouldBe<RegisterImportResult>(HttpStatusCode.OK)).UnitsCreated);
    }

    [Fact]
    public async Task The_register_downloads_as_xlsx_with_text_cells_that_cannot_run_as_formulas()
    {
        var communityId = await NewEmptyCommunity();
        await (await Import(communityId, Encoding.UTF8.GetBytes($"{Header}\n1幢,101,89.56,,\"=HYPERLINK(\"\"http://x\"\")\",person,张三,1234\n"))).ShouldBe<RegisterImportResult>(HttpStatusCode.OK);
        var officer = await api.ClientFor("street-officer");
        var bytes = await officer.GetByteArrayAsync($"/api/v1/communities/{communityId}/register/download?format=xlsx");

        var rows = SheetRows(bytes);
        // The building area (建筑面积) column stays empty: this file named none.
        Assert.Equal(["1幢", "101", "89.56", "", "registered", "'=HYPERLINK(\"http://x\")", "person", "张三", "1234"], rows[1]);
        Assert.DoesNotContain("<x:f>", SheetXml(bytes));
        Assert.DoesNotContain("<f>", SheetXml(bytes));

        var csv = await officer.GetStringAsync($"/api/v1/communities/{communityId}/register/download");
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
    }

    [Fact]
    public async Task Residents_cannot_download_the_register()
    {
        var demo = await Demo.Of(api);
        var resident = await api.ClientFor("resident-a");
        await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/register/download?format=xlsx")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    internal static List<string[]> SheetRows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
            .Select(row => ((IDictionary<string, object?>)row).Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray())
            .ToList();
    }

    internal static string SheetXml(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }
}
