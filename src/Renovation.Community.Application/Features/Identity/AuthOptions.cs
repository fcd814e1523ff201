using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>Section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const string Audience = "renovation-miniprogram";

    /// <summary>HMAC key for access tokens, at least 32 bytes. Every node must share it. Never commit it.</summary>
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "renovation-community";
    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 30;
    /// <summary>Allows <c>POST /api/v1/auth/dev-login</c>; on by default only in Development.</summary>
    public bool EnableDevLogin { get; set; }
    /// <summary>Login attempts allowed per client address per minute.</summary>
    public int LoginPermitsPerMinute { get; set; } = 20;

    public SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes(SigningKey!));
}
