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
    /// <summary>
    /// Anonymous sign-ins (<c>wechat-login</c>, <c>dev-login</c>) allowed per client address per minute. Sized for a
    /// shared address: an office, a residents' meeting on one Wi-Fi or a carrier NAT puts hundreds of people behind one.
    /// </summary>
    public int LoginPermitsPerMinute { get; set; } = 600;
    /// <summary>Calls allowed per signed-in user per minute: every call with an access token, and token refreshes.</summary>
    public int UserPermitsPerMinute { get; set; } = 600;

    public SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes(SigningKey!));
}
