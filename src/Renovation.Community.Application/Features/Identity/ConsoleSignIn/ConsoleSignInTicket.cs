using System.Security.Cryptography;
using System.Text;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>
/// A one-time ticket for signing in to the operators' console by scanning a mini-program code. The browser that asked
/// keeps the secret (only its SHA-256 is stored); a signed-in mini-program user confirms the ticket; the browser then
/// redeems it once, before it expires, for a session of that user. Not audited: like refresh tokens it is sign-in
/// state, and the row itself records who confirmed it and when.
/// </summary>
public sealed class ConsoleSignInTicket
{
    private ConsoleSignInTicket() { }

    public ConsoleSignInTicket(string secretHash, string? requestedFrom, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        // Random rather than time-ordered (Ids.New): the id is the scene anyone near the screen can read, and a
        // version-7 id would let a guess aim at tickets made at the same moment. The table stays small (pruned).
        Id = Guid.NewGuid();
        SecretHash = secretHash;
        RequestedFrom = requestedFrom;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public string SecretHash { get; private set; } = "";
    /// <summary>The address the browser asked from, kept for whoever investigates a phished confirmation.</summary>
    public string? RequestedFrom { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    /// <summary>Set once, by one conditional UPDATE (<see cref="ConfirmSignInTicket"/>).</summary>
    public Guid? ConfirmedByUserId { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    /// <summary>A concurrency token: the redemption is <c>UPDATE … WHERE RedeemedAt IS NULL</c>, so one browser call wins.</summary>
    public DateTimeOffset? RedeemedAt { get; private set; }

    /// <summary>The scene of the mini-program code: the id without dashes, 32 characters, WeChat's limit.</summary>
    public string Scene => Id.ToString("N");

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares hashes in constant time, so the answer's timing says nothing about how much of a guess was right.</summary>
    public bool SecretMatches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    /// <summary>The browser takes its session: once, confirmed, before expiry.</summary>
    public Guid Redeem(DateTimeOffset now)
    {
        if (RedeemedAt is not null)
            throw ConsoleSignInTickets.Used();
        if (now >= ExpiresAt)
            throw ConsoleSignInTickets.Expired();
        if (ConfirmedByUserId is not { } userId)
            throw AppProblem.Conflict("ticket_not_confirmed", "尚未在小程序中确认登录，请扫码确认后再试");
        RedeemedAt = now;
        return userId;
    }
}
