using Renovation.Community.Api.Features.Identity;

namespace Renovation.Community.Api.Features.Realtime;

/// <summary>Who an event is for; its key is also the SignalR group name.</summary>
public readonly record struct Audience(string Key)
{
    public static Audience User(Guid id) => new($"user:{id}");
    public static Audience Unit(Guid id) => new($"unit:{id}");
    public static Audience Building(Guid id) => new($"building:{id}");
    public static Audience Community(Guid id) => new($"community:{id}");
    public static Audience Street(Guid id) => new($"street:{id}");
    /// <summary>Holders of a role over one scope, e.g. the committee members of a community.</summary>
    public static Audience RoleHolders(Role role, Guid? scopeId) => new($"role:{role}:{scopeId?.ToString() ?? "city"}");

    public override string ToString() => Key;
}
