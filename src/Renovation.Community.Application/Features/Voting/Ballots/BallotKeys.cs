using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// The hashes that let a voter check their ballot without the database linking it to them. The ballot key is a
/// secret only the voter's device holds (sent as the <c>Idempotency-Key</c> of the cast, and printed on paper
/// ballots as the receipt code).
/// </summary>
public static partial class BallotKeys
{
    /// <summary>receipt = SHA-256("{vote}|{choice}|{area}|{key}"): recomputable by the voter, shown in the record.</summary>
    public static string Receipt(Guid voteId, string choiceCode, long areaHundredths, string key) =>
        Sha256($"{voteId:N}|{choiceCode}|{areaHundredths}|{key}");

    /// <summary>Finds the ballot of a key (to replace it) without revealing the choice.</summary>
    public static string KeyHash(Guid voteId, string key) => Sha256($"{voteId:N}|key|{key}");

    /// <summary>The first link of a vote's chain; each next link is SHA-256(previous link | receipt).</summary>
    public static string Genesis(Guid voteId) => Sha256($"renovation-vote|{voteId:N}");

    public static string Link(string previous, string receipt) => Sha256($"{previous}|{receipt}");

    public static bool IsValidKey(string? key) => key is not null && KeyShape().IsMatch(key);

    /// <summary>A server-made key for a paper ballot: 20 characters, easy to copy onto the paper.</summary>
    public static string NewPaperKey() =>
        string.Concat(RandomNumberGenerator.GetItems("ABCDEFGHJKMNPQRSTUVWXYZ23456789".AsSpan(), 20));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("^[A-Za-z0-9_-]{16,128}$")]
    private static partial Regex KeyShape();
}
