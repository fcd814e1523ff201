using System.Globalization;

namespace Renovation.Community.Application.Features.Places;

/// <summary>Exclusive areas are integers in hundredths of m²; this reads and writes the human form exactly.</summary>
public static class Area
{
    /// <summary>Parses "89.56", "89.5" or "89" to hundredths; refuses more than two decimals, signs and exponents.</summary>
    public static bool TryParseSquareMetres(string? text, out long hundredths)
    {
        hundredths = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var parts = text.Trim().Split('.');
        if (parts.Length > 2 || parts[0].Length is 0 or > 9 || !parts[0].All(char.IsAsciiDigit))
            return false;
        var fraction = parts.Length == 2 ? parts[1] : "";
        if (fraction.Length > 2 || (parts.Length == 2 && fraction.Length == 0) || !fraction.All(char.IsAsciiDigit))
            return false;
        hundredths = long.Parse(parts[0], CultureInfo.InvariantCulture) * 100
            + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return true;
    }

    public static string Format(long hundredths) =>
        $"{hundredths / 100}.{hundredths % 100:D2}";
}
