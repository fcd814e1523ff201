using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Renovation.Community.Application.Common.Text;

/// <summary>
/// A list a committee downloads, as CSV (UTF-8 with BOM, so Excel on Chinese Windows reads it) or .xlsx. Text cells are
/// written as strings, never formulas, and go through <see cref="CsvCell.Defuse"/> so that editing a cell in Excel
/// cannot turn it into one either; numbers (<see cref="long"/>, <see cref="decimal"/>) stay numbers so they can be
/// summed.
/// </summary>
public sealed class Spreadsheet(IReadOnlyList<string> header)
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvMediaType = "text/csv";

    private readonly List<object?[]> _rows = [];

    public IReadOnlyList<string> Header => header;

    /// <summary>Adds a row; a cell is text (<see cref="string"/>), a whole number or a decimal.</summary>
    public Spreadsheet Add(params object?[] cells)
    {
        if (cells.Length != header.Count)
            throw new ArgumentException($"Expected {header.Count} cells, got {cells.Length}", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        text.Append(CsvCell.Line(header)).Append("\r\n");
        foreach (var row in _rows)
            text.Append(CsvCell.Line(row.Select(Invariant))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] ToXlsx(string sheetName)
    {
        // Columns are keyed by position and the header is written as the first row, so an empty list still has it.
        var rows = new List<Dictionary<string, object?>> { Keyed(header.Select(h => (object?)CsvCell.Defuse(h)).ToArray()) };
        rows.AddRange(_rows.Select(row => Keyed(row.Select(cell => cell switch
        {
            null => "",
            long or int or decimal => cell,
            _ => (object?)CsvCell.Defuse(Invariant(cell)),
        }).ToArray())));
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, printHeader: false, sheetName: sheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Keyed(object?[] cells)
    {
        var keyed = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++)
            keyed["c" + i.ToString(CultureInfo.InvariantCulture)] = cells[i];
        return keyed;
    }

    /// <summary>Answers the sheet as <c>format</c> (<c>csv</c> or <c>xlsx</c>) under the file name given without extension.</summary>
    public IResult ToResult(string? format, string fileName, string sheetName) => DownloadFormats.Parse(format) == DownloadFormat.Xlsx
        ? TypedResults.File(ToXlsx(sheetName), XlsxMediaType, fileName + ".xlsx")
        : TypedResults.File(ToCsv(), CsvMediaType + "; charset=utf-8", fileName + ".csv");

    private static string? Invariant(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>The file type of a download: <c>?format=csv</c> (the default) or <c>?format=xlsx</c>.</summary>
public enum DownloadFormat
{
    Csv = 0,
    Xlsx = 1,
}
