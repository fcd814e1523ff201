namespace Renovation.Community.Application.Common.Validation;

/// <summary>
/// Characters no name, title or text may hold: NUL and the other C0/C1 controls (tab and line breaks excepted), and
/// the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) that make a stored
/// name display as something else ("Trojan Source"). One check, used by every request body and by the register import.
/// </summary>
public static class SafeText
{
    public const string Message = "不能包含控制字符或文字方向控制符";

    public static bool IsSafe(string text)
    {
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r')
                continue;
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                return false;
        }
        return true;
    }
}
