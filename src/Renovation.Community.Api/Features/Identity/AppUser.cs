using Renovation.Community.Api.Common;

namespace Renovation.Community.Api.Features.Identity;

/// <summary>A person who signed in through the mini-program (or a demo user in development).</summary>
public sealed class AppUser : IAudited
{
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

    public void Disable() => IsDisabled = true;
    public void Enable() => IsDisabled = false;
}
