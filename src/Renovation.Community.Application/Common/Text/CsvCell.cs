namespace Renovation.Community.Application.Common.Text;

/// <summary>
/// One cell of a CSV export. Text typed by residents ends up in spreadsheets a committee opens in Excel or WPS, which
/// run a cell starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or carriage return followed by one) as a
/// formula ("CSV injection"). Such cells get a leading apostrophe, the spreadsheet convention for "this is text"; every
/// cell is quoted per RFC 4180. Every CSV export writes its cells through <see cref="Format"/>; .xlsx downloads apply
/// the same <see cref="Defuse"/> rule (<see cref="Spreadsheet"/>).
/// </summary>
public static class CsvCell
{
    public static string Format(string? value) => "\"" + Defuse(value).Replace("\"", "\"\"") + "\"";

    /// <summary>The text with an apostrophe in front when a spreadsheet would otherwise read it as a formula.</summary>
    public static string Defuse(string? value)
    {
        var text = value ?? "";
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Format));
}
