using Renovation.Community.Application.Extensions;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Identity;

public sealed record WeChatLoginRequest(string Code) : IValidatable
{
    public void Validate(Validator v) => v.Text(Code, "code", "登录凭证 code", 128);
}

public sealed record DevLoginRequest(string Username) : IValidatable
{
    public void Validate(Validator v) => v.Text(Username, "username", "演示用户名", 64);
}

public sealed record RefreshRequest(string RefreshToken) : IValidatable
{
    public void Validate(Validator v) => v.Text(RefreshToken, "refreshToken", "刷新凭证", 256);
}

public sealed record LoginResponse(Guid UserId, string DisplayName, bool IsNewUser, TokenPair Tokens);

public static class AuthApi
{
    public const string LoginRateLimit = "login";
    /// <summary>
    /// A demo user's openid: shaped like WeChat's ("o" and 27 URL-safe characters), because msgSecCheck and subscribe
    /// messages refuse anything else (47001, 40003), and derived from the username so dev-login finds it.
    /// </summary>
    public static string DevOpenId(string username) =>
        ("o" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("renovation-demo-user/" + username)))
            .Replace('+', '-').Replace('/', '_'))[..28];

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/wechat-login", WeChatLoginAsync).RequireRateLimiting(LoginRateLimit).WithName("WeChatLogin")
            .WithRequestExample("""{"code":"0c3Xyz000aBcDe1FgH2iJk3LmN4oPq5R"}""")
            .WithSummary("Sign in with a wx.login code")
            .WithDescription("Exchanges the code from wx.login for a 15-minute access token and a rotating refresh token. The first sign-in creates the user. Anonymous and rate-limited per client address (Auth:LoginPermitsPerMinute, 429 rate_limited).");
        auth.MapPost("/dev-login", DevLoginAsync).RequireRateLimiting(LoginRateLimit).WithName("DevLogin")
            .WithRequestExample("""{"username":"resident-a"}""")
            .WithSummary("Sign in as a demo user (development only)")
            .WithDescription("Signs in as one of the seeded demo users by name (for example street-officer, committee-a, resident-a). Only when Auth:EnableDevLogin is on (Development); otherwise the route answers 404. Rate-limited per client address like wechat-login.");
        auth.MapPost("/refresh", RefreshAsync).WithName("RefreshToken")
            .WithSummary("Swap a refresh token for a new token pair")
            .WithDescription("Rotates a refresh token: the old one stops working and a new access/refresh pair is returned. Presenting a refresh token that was already rotated revokes the whole family (401 refresh_token_reused). Counted against the token's user's per-minute limit (Auth:UserPermitsPerMinute, 429 rate_limited), not the address.");
        api.MapPost("/auth/logout", LogoutAsync).WithTags("Auth").WithName("Logout")
            .WithSummary("Revoke the refresh token family of this device")
            .WithDescription("Revokes the refresh token family of the calling device, so neither its refresh token nor its rotations work again. The access token expires on its own.");
        api.MapConsoleSignInRoutes();
        return api;
    }

    private static async Task<Ok<LoginResponse>> WeChatLoginAsync(WeChatLoginRequest request, IWeChatLogin wechat,
        AppDbContext db, TokenService tokens, TimeProvider clock, CancellationToken ct)
    {
        // The code is single use, so a lost race is settled here rather than by running the whole handler again.
        var identity = await wechat.Code2SessionAsync(request.Code, ct);
        try
        {
            return TypedResults.Ok(await SignInAsync(identity, db, tokens, clock, ct));
        }
        catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e))
        {
            // The same person's first sign-in on two devices at once: the other request created the user.
            db.ChangeTracker.Clear();
            return TypedResults.Ok(await SignInAsync(identity, db, tokens, clock, ct));
        }
    }

    private static async Task<LoginResponse> SignInAsync(WeChatIdentity identity, AppDbContext db, TokenService tokens,
        TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.OpenId == identity.OpenId, ct);
        var isNew = user is null;
        if (user is null)
        {
            user = new AppUser(identity.OpenId, identity.UnionId, AppUser.PlaceholderName, clock.GetUtcNow());
            db.Users.Add(user);
        }
        user.RequireEnabled();
        var pair = tokens.Issue(user);
        await db.SaveChangesAsync(ct);
        return new LoginResponse(user.Id, user.DisplayName, isNew, pair);
    }

    private static async Task<Ok<LoginResponse>> DevLoginAsync(DevLoginRequest request, IOptions<AuthOptions> options,
        AppDbContext db, TokenService tokens, CancellationToken ct)
    {
        if (!options.Value.EnableDevLogin)
            throw AppProblem.NotFound("not_found", "请求的资源不存在");
        var openId = DevOpenId(request.Username.Trim());
        var user = await db.Users.SingleOrDefaultAsync(u => u.OpenId == openId, ct)
            ?? throw AppProblem.NotFound("demo_user_not_found", "没有这个演示用户");
        var pair = tokens.Issue(user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new LoginResponse(user.Id, user.DisplayName, false, pair));
    }

    private static async Task<Ok<TokenPair>> RefreshAsync(RefreshRequest request, TokenService tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.RefreshAsync(request.RefreshToken, ct));

    private static async Task<NoContent> LogoutAsync(RefreshRequest request, TokenService tokens, Access access,
        CancellationToken ct)
    {
        await tokens.RevokeAsync(request.RefreshToken, access.UserId, ct);
        return TypedResults.NoContent();
    }
}
