namespace Renovation.Community.Application.Common.Text;

public static class DownloadFormats
{
    /// <summary>Reads <c>?format=</c> (any case; absent means CSV), or refuses it as an invalid query parameter.</summary>
    public static DownloadFormat Parse(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => DownloadFormat.Csv,
        "xlsx" => DownloadFormat.Xlsx,
        _ => throw new Validation.InvalidQuery("format", $"应为 csv 或 xlsx，收到“{format}”"),
    };
}
