using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Identity;

public sealed record TokenPair(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt);

/// <summary>Issues short-lived JWT access tokens and rotating, revocable refresh tokens.</summary>
public sealed class TokenService(AppDbContext db, IOptions<AuthOptions> options, TimeProvider clock, UserRateLimits limits)
{
    private readonly AuthOptions _options = options.Value;

    /// <summary>Starts a new refresh-token family (a new sign-in). The caller saves the context.</summary>
    public TokenPair Issue(AppUser user) => IssueInFamily(user.Id, Guid.CreateVersion7(), out _);

    /// <summary>
    /// Swaps a refresh token for a new pair. A token that was already rotated is a replayed (stolen) token: the
    /// whole family is revoked so the thief and the owner both have to sign in again.
    /// </summary>
    public async Task<TokenPair> RefreshAsync(string presented, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = Hash(presented);
        var token = await db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct)
            ?? throw AppProblem.Unauthorized("refresh_token_invalid", "登录已失效，请重新登录");
        if (token.ReplacedById is not null)
            await RefuseReplayAsync(token.FamilyId, ct);
        if (!token.IsActive(now))
            throw AppProblem.Unauthorized("refresh_token_invalid", "登录已失效，请重新登录");
        // A refresh is the user's call, counted in the user's window wherever it comes from.
        if (limits.TryAcquire(token.UserId) is { } wait)
            throw new RateLimited(wait);
        var user = await db.Users.SingleAsync(u => u.Id == token.UserId, ct);
        user.RequireEnabled();

        var pair = IssueInFamily(user.Id, token.FamilyId, out var replacement);
        token.Rotate(replacement.Id, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A racing request rotated the token between our read and our write: to us it was already used,
            // exactly as if we had come second one at a time.
            db.ChangeTracker.Clear();
            await RefuseReplayAsync(token.FamilyId, ct);
        }
        return pair;
    }

    private async Task RefuseReplayAsync(Guid familyId, CancellationToken ct)
    {
        await RevokeFamilyAsync(familyId, ct);
        throw AppProblem.Unauthorized("refresh_token_reused", "登录凭证已被使用，为保护账号安全请重新登录");
    }

    public async Task RevokeAsync(string presented, Guid userId, CancellationToken ct)
    {
        var hash = Hash(presented);
        var token = await db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.UserId == userId, ct);
        if (token is not null)
            await RevokeFamilyAsync(token.FamilyId, ct);
    }

    /// <summary>One UPDATE over the family, including the link a racing winner has just added.</summary>
    private async Task RevokeFamilyAsync(Guid familyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now), ct);
    }

    private TokenPair IssueInFamily(Guid userId, Guid familyId, out RefreshToken stored)
    {
        var now = clock.GetUtcNow();
        var accessExpires = now.AddMinutes(_options.AccessTokenMinutes);
        var access = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = AuthOptions.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = accessExpires.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId.ToString())]),
            SigningCredentials = new SigningCredentials(_options.Key(), SecurityAlgorithms.HmacSha256),
        });

        var refresh = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var refreshExpires = now.AddDays(_options.RefreshTokenDays);
        stored = new RefreshToken(userId, familyId, Hash(refresh), now, refreshExpires);
        db.RefreshTokens.Add(stored);
        return new TokenPair(access, accessExpires, refresh, refreshExpires);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
