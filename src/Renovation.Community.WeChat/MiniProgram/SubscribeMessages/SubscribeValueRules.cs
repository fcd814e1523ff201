using System.Text;
using System.Text.RegularExpressions;

namespace Renovation.Community.WeChat.MiniProgram.SubscribeMessages;

/// <summary>
/// The keyword rules from the subscribe message documentation, applied before sending so that 47003
/// never surprises. Lengths count Unicode characters (runes), as WeChat does.
/// </summary>
public static partial class SubscribeValueRules
{
    private const char Ellipsis = '…';

    /// <summary>Returns the data to send: unchanged, or with free text shortened under <see cref="SubscribeValuePolicy.TruncateText"/>.</summary>
    /// <exception cref="SubscribeMessageValueException">for the first value that breaks its rule.</exception>
    public static Dictionary<string, string> Apply(IReadOnlyDictionary<string, string> data, SubscribeValuePolicy policy)
    {
        var result = new Dictionary<string, string>(data.Count, StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            result[key] = ApplyOne(key, value ?? "", policy);
        }
        return result;
    }

    private static string ApplyOne(string key, string value, SubscribeValuePolicy policy)
    {
        var prefix = KeywordPrefix(key);
        if (value.Length == 0)
        {
            throw new SubscribeMessageValueException(key, value, "a value cannot be empty");
        }
        var length = RuneCount(value);
        switch (prefix)
        {
            case "thing":
                return Truncatable(key, value, length, 20, policy);
            case "short_thing":
                return Truncatable(key, value, length, 5, policy);
            case "number":
                Require(key, value, NumberPattern().IsMatch(value) && value.Count(char.IsAsciiDigit) <= 32, "number: at most 32 digits, optionally with a decimal point");
                return value;
            case "letter":
                Require(key, value, LetterPattern().IsMatch(value), "letter: 1–32 letters A–Z a–z");
                return value;
            case "symbol":
                Require(key, value, length <= 5, "symbol: at most 5 symbols");
                return value;
            case "character_string":
                Require(key, value, CharacterStringPattern().IsMatch(value), "character_string: at most 32 letters, digits and symbols");
                return value;
            case "time":
                Require(key, value, TimePattern().IsMatch(value), "time: e.g. 15:01 or 2026年11月28日 15:01");
                return value;
            case "date":
                Require(key, value, DatePattern().IsMatch(value), "date: e.g. 2026年11月28日 or 2026年11月28日 15:01");
                return value;
            case "amount":
                Require(key, value, AmountPattern().IsMatch(value), "amount: a currency sign and at most 10 digits, may end in 元, e.g. ¥100.50");
                return value;
            case "phone_number":
                Require(key, value, PhonePattern().IsMatch(value), "phone_number: at most 17 digits and + - ( ) symbols");
                return value;
            case "car_number":
                Require(key, value, length <= 8 && !value.Contains(' ', StringComparison.Ordinal), "car_number: at most 8 characters");
                return value;
            case "name":
                Require(key, value, (HanPattern().IsMatch(value) && length <= 10) || (LatinNamePattern().IsMatch(value) && length <= 20),
                    "name: at most 10 Chinese characters or 20 letters");
                return value;
            case "phrase":
                Require(key, value, HanPattern().IsMatch(value) && length <= 5, "phrase: at most 5 Chinese characters");
                return value;
            default:
                // Keywords added by WeChat later are passed through; WeChat's own check still applies.
                return value;
        }
    }

    /// <summary>"character_string12" → "character_string".</summary>
    internal static string KeywordPrefix(string key) => key.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

    private static string Truncatable(string key, string value, int length, int limit, SubscribeValuePolicy policy)
    {
        if (length <= limit)
        {
            return value;
        }
        if (policy != SubscribeValuePolicy.TruncateText)
        {
            throw new SubscribeMessageValueException(key, value, $"{KeywordPrefix(key)}: at most {limit} characters");
        }
        var kept = new StringBuilder();
        foreach (var rune in value.EnumerateRunes().Take(limit - 1))
        {
            kept.Append(rune.ToString());
        }
        return kept.Append(Ellipsis).ToString();
    }

    private static void Require(string key, string value, bool ok, string rule)
    {
        if (!ok)
        {
            throw new SubscribeMessageValueException(key, value, rule);
        }
    }

    private static int RuneCount(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^[A-Za-z]{1,32}$")]
    private static partial Regex LetterPattern();

    [GeneratedRegex(@"^[\x21-\x7E]{1,32}$")]
    private static partial Regex CharacterStringPattern();

    private const string DatePart = @"(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})";
    private const string ClockPart = @"([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?";

    [GeneratedRegex("^(" + DatePart + " )?" + ClockPart + "$|^" + DatePart + "$")]
    private static partial Regex TimePattern();

    [GeneratedRegex("^" + DatePart + "( " + ClockPart + ")?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^[0-9+\-() ]{1,17}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[\u4e00-\u9fff·]+$")]
    private static partial Regex HanPattern();

    [GeneratedRegex(@"^[A-Za-z .'\-]+$")]
    private static partial Regex LatinNamePattern();
}
