namespace Renovation.Community.WeChat.Bills;

/// <summary>
/// Exact conversion of WeChat's decimal yuan strings to integers. Done digit by digit on purpose:
/// going through double or decimal invites rounding and accepts forms ("1e3", "1,000") a bill never has.
/// </summary>
public static class YuanAmount
{
    /// <summary>Fen = yuan × 100. Accepts "12", "0.0", "0.01", "12345678.90", "-1.5"; refuses a third decimal.</summary>
    public static bool TryParseFen(ReadOnlySpan<char> text, out long fen) => TryParseScaled(text, 2, out fen);

    /// <summary>
    /// Milli-fen = yuan × 100 000, the precision of bill fees ("0.00600" → 600, i.e. 0.6 fen).
    /// </summary>
    public static bool TryParseMilliFen(ReadOnlySpan<char> text, out long milliFen) => TryParseScaled(text, 5, out milliFen);

    /// <summary>Parses a decimal string into an integer count of 10^-<paramref name="decimals"/> units.</summary>
    public static bool TryParseScaled(ReadOnlySpan<char> text, int decimals, out long value)
    {
        value = 0;
        var negative = false;
        if (!text.IsEmpty && text[0] == '-')
        {
            negative = true;
            text = text[1..];
        }
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? ReadOnlySpan<char>.Empty : text[(dot + 1)..];
        // "5." and ".5" are not amounts WeChat writes; 15 whole digits keep the result far from long overflow.
        if (whole.IsEmpty || whole.Length > 15 || fraction.Length > decimals || (dot >= 0 && fraction.IsEmpty))
        {
            return false;
        }

        long result = 0;
        foreach (var c in whole)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            result = (result * 10) + (c - '0');
        }
        for (var i = 0; i < decimals; i++)
        {
            var digit = 0;
            if (i < fraction.Length)
            {
                if (!char.IsAsciiDigit(fraction[i]))
                {
                    return false;
                }
                digit = fraction[i] - '0';
            }
            result = (result * 10) + digit;
        }
        value = negative ? -result : result;
        return true;
    }

    /// <summary>Formats fen as a yuan string with two decimals ("1234567890" → "12345678.90").</summary>
    public static string FormatFen(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var abs = Math.Abs(fen);
        return $"{sign}{abs / 100}.{abs % 100:00}";
    }
}
