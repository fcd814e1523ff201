using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Renovation.Community.Application.Common.Errors;
using Sylvan.Data.Csv;

namespace Renovation.Community.Application.Features.Places;

/// <summary>One row of an uploaded register: its row number as a spreadsheet shows it (the header is row 1) and its cells.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

/// <summary>
/// Turns an uploaded register into rows, deciding by content, not by name or media type: an .xlsx workbook (a zip
/// archive) is read from its first sheet; anything else must be CSV text in UTF-8 (with or without BOM) or
/// GB18030/GBK, which is what Excel on Chinese Windows saves as "CSV". Bytes that are strict UTF-8 are UTF-8 (a GBK
/// file of Chinese text is almost never valid UTF-8, the reverse is common); otherwise they must decode strictly as
/// GB18030. UTF-16, old .xls and binary files are refused with their own code, never decoded into "����".
/// </summary>
public static class RegisterFile
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <param name="fileName">How the errors name the file to its user: the register by default; other imports (the fund's
    /// opening file) name their own.</param>
    public static IReadOnlyList<SheetRow> Read(byte[] bytes, string fileName = "名册文件")
    {
        if (bytes.Length == 0)
            throw Unreadable("register_empty", $"{fileName}是空的");
        if (bytes is [0x50, 0x4B, 0x03, 0x04, ..])
            return ReadXlsx(bytes);
        if (bytes is [0xD0, 0xCF, 0x11, 0xE0, ..])
            throw Unreadable("register_format_unsupported", "不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）");
        return ReadCsv(Decode(bytes, fileName));
    }

    /// <summary>The text of a CSV upload, or a 422 naming why it is not one we can read.</summary>
    public static string Decode(byte[] bytes, string fileName = "名册文件")
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] || Array.IndexOf(bytes, (byte)0) >= 0)
            throw Unreadable("register_encoding_unsupported",
                $"{fileName}的编码无法识别（可能是 UTF-16 或非文本文件）：请另存为 CSV（UTF-8）、CSV（GBK）或 .xlsx");
        var body = bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes.AsSpan(3) : bytes.AsSpan();
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException) when (bytes is not [0xEF, 0xBB, 0xBF, ..])
        {
            try
            {
                text = StrictGb18030.Value.GetString(body);
            }
            catch (DecoderFallbackException)
            {
                throw Unreadable("register_encoding_unsupported",
                    $"{fileName}既不是 UTF-8 也不是 GBK/GB18030 编码：请另存为 CSV（UTF-8）、CSV（GBK）或 .xlsx");
            }
        }
        catch (DecoderFallbackException)
        {
            throw Unreadable("register_encoding_unsupported", $"{fileName}以 UTF-8 标记开头，但内容不是有效的 UTF-8");
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
            throw Unreadable("register_encoding_unsupported", $"{fileName}含有控制字符，不是文本文件：请另存为 CSV 或 .xlsx");
        return text;
    }

    private static List<SheetRow> ReadCsv(string text)
    {
        var rows = new List<SheetRow>();
        var options = new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' };
        using var csv = CsvDataReader.Create(new StringReader(text), options);
        try
        {
            while (csv.Read())
            {
                var cells = new string[csv.RowFieldCount];
                for (var i = 0; i < cells.Length; i++)
                    cells[i] = csv.GetString(i).Trim();
                rows.Add(new SheetRow(csv.RowNumber, cells));
            }
        }
        catch (CsvFormatException e)
        {
            throw Unreadable("register_csv_malformed",
                string.Create(CultureInfo.InvariantCulture, $"CSV 格式错误：第 {csv.RowNumber} 行附近有未闭合的引号或过长的字段"),
                ("row", e.RowNumber > 0 ? e.RowNumber : csv.RowNumber));
        }
        return rows;
    }

    private static List<SheetRow> ReadXlsx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var rows = new List<SheetRow>();
            var number = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
                rows.Add(new SheetRow(++number, row.Values.Select(CellText).ToArray()));
            return rows;
        }
        catch (Exception e) when (e is not AppProblem)
        {
            throw Unreadable("register_format_unsupported", "无法读取这个 .xlsx 文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后重试");
        }
    }

    /// <summary>A cell as the text a person typed: numbers without float noise (89.56, not 89.5600000001), dates as dates.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };

    private static DomainRuleViolation Unreadable(string code, string detail, params (string Key, object Value)[] extensions)
    {
        var problem = new DomainRuleViolation(code, detail);
        foreach (var (key, value) in extensions)
            problem.With(key, value);
        return problem;
    }
}
