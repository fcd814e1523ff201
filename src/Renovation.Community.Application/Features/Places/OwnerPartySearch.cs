using System.Text;
using System.Text.RegularExpressions;
using Renovation.Community.Application.Common.Validation;

namespace Renovation.Community.Application.Features.Places;

/// <summary>
/// What a committee types to find an owner among a hundred: part of a name (王 finds 王芳 and 李明、王芳), or an ID suffix
/// (4 digits or X, as party members keep it), so two 张伟 can be told apart and a duplicate found.
/// </summary>
public sealed partial record OwnerPartySearch(string Text, string? IdLast4)
{
    public const int MaxLength = 32;

    /// <summary>Null when nothing is searched; 400 invalid_query when the text is too long.</summary>
    public static OwnerPartySearch? Parse(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
            return null;
        // Names are stored trimmed and typed with half-width digits; a full-width search (１２３４) finds them too.
        var text = q.Normalize(NormalizationForm.FormKC).Trim();
        if (text.Length > MaxLength)
            throw new InvalidQuery("q", $"搜索内容不超过 {MaxLength} 个字");
        var suffix = text.ToUpperInvariant();
        return new OwnerPartySearch(text, IdSuffix().IsMatch(suffix) ? suffix : null);
    }

    [GeneratedRegex("^[0-9]{3}[0-9X]$")]
    private static partial Regex IdSuffix();
}
