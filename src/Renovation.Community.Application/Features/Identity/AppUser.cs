using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>A person who signed in through the mini-program (or a demo user in development).</summary>
public sealed class AppUser : IAudited
{
    /// <summary>What a new WeChat user is called until they set a name.</summary>
    public const string PlaceholderName = "微信用户";

    private AppUser() { }

    public AppUser(string openId, string? unionId, string displayName, DateTimeOffset now)
    {
        Id = Ids.New();
        OpenId = openId;
        UnionId = unionId;
        DisplayName = displayName;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    /// <summary>The mini-program openid; unique per app.</summary>
    public string OpenId { get; private set; } = "";
    public string? UnionId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public bool IsDisabled { get; private set; }

    /// <summary>The name other people see (WeChat no longer gives apps the user's nickname, so new users are "微信用户").</summary>
    public void Rename(string displayName) => DisplayName = displayName.Trim();

    public void Disable() => IsDisabled = true;
    public void Enable() => IsDisabled = false;

    /// <summary>The one answer to a disabled account, wherever it signs in or confirms a sign-in.</summary>
    public static AppProblem Disabled() => AppProblem.Forbidden("账号已停用");

    public void RequireEnabled()
    {
        if (IsDisabled)
            throw Disabled();
    }
}
