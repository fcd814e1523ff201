using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>
/// One link of a rotating refresh-token family. Only a hash is stored; presenting a token that was already rotated
/// means it leaked, so the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken() { }

    public RefreshToken(Guid userId, Guid familyId, string tokenHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Id = Ids.New();
        UserId = userId;
        FamilyId = familyId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid FamilyId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? ReplacedById { get; private set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Rotate(Guid replacementId, DateTimeOffset now)
    {
        RevokedAt = now;
        ReplacedById = replacementId;
    }
}
