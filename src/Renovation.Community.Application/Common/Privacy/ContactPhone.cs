using System.Text;
using System.Text.RegularExpressions;

namespace Renovation.Community.Application.Common.Privacy;

/// <summary>
/// A resident's contact phone as the register gives it (联系电话). It is personal information that reaches a person at
/// home, so it is shown masked in every list and queue, and in full only where someone must call (docs/services.md,
/// "Where to go").
/// </summary>
public static partial class ContactPhone
{
    public const int MaxLength = 20;

    /// <summary>
    /// The phone as stored: full-width digits made half-width, spaces, dashes and brackets removed, an optional leading +.
    /// A mobile (11 digits) or a landline with its area code (7 to 15 digits); anything else is refused.
    /// </summary>
    public static bool TryNormalise(string? text, out string phone)
    {
        phone = "";
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var compact = new string(text.Normalize(NormalizationForm.FormKC)
            .Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '(' or ')')).ToArray());
        if (!Shape().IsMatch(compact))
            return false;
        phone = compact;
        return true;
    }

    /// <summary>
    /// The phone with its middle hidden: the first three and last four digits of a mobile stay (138****1234), as Chinese
    /// apps show them; a shorter number keeps its first two and last two.
    /// </summary>
    public static string Mask(string phone)
    {
        var keepStart = phone.Length >= 11 ? 3 : 2;
        var keepEnd = phone.Length >= 11 ? 4 : 2;
        if (phone.Length <= keepStart + keepEnd)
            return new string('*', phone.Length);
        return phone[..keepStart] + new string('*', phone.Length - keepStart - keepEnd) + phone[^keepEnd..];
    }

    [GeneratedRegex(@"^\+?[0-9]{7,15}$")]
    private static partial Regex Shape();
}
