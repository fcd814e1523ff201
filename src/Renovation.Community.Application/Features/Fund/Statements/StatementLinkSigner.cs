using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// Signs and checks the links that open one household's view of a published statement in a browser without a bearer
/// token: HMAC-SHA256 over statement id, household id and expiry with <c>Fund:StatementLinkKey</c>. Without a key the
/// feature is off (<see cref="Enabled"/>); the key is never logged.
/// </summary>
public sealed class StatementLinkSigner
{
    public const string KeySetting = "Fund:StatementLinkKey";
    public const int MinimumKeyLength = 32;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly byte[]? _key;

    public StatementLinkSigner(string? key)
    {
        if (string.IsNullOrEmpty(key))
            return;
        if (key.Length < MinimumKeyLength)
            throw new ConfigurationProblem($"{KeySetting} is shorter than {MinimumKeyLength} characters: set a random secret shared by all nodes.");
        _key = Encoding.UTF8.GetBytes(key);
    }

    public bool Enabled => _key is not null;

    public string Sign(Guid statementId, Guid householdId, DateTimeOffset expiresAt) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key ?? throw new InvalidOperationException("Statement links are off."),
            Payload(statementId, householdId, expiresAt.ToUnixTimeSeconds())));

    /// <summary>True when <paramref name="signature"/> is this key's signature of exactly these three values.</summary>
    public bool Verifies(Guid statementId, Guid householdId, long expiresUnixSeconds, string? signature)
    {
        if (_key is null || string.IsNullOrEmpty(signature))
            return false;
        byte[] given;
        try
        {
            given = WebEncoders.Base64UrlDecode(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(_key, Payload(statementId, householdId, expiresUnixSeconds));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static byte[] Payload(Guid statementId, Guid householdId, long expires) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"fund-statement-link|{statementId:N}|{householdId:N}|{expires}"));
}
