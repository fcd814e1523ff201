using System.Diagnostics.CodeAnalysis;
using Renovation.Community.Application.Common.Authorization;

namespace Renovation.Community.Application.Common.Events;

/// <summary>
/// Who an event is for; its key is also the SignalR group name. <see cref="TryParse"/> is the inverse of the builders,
/// so code that reads stored audiences (subscribe messages, catch-up) never re-implements the key format.
/// </summary>
public readonly record struct Audience(string Key)
{
    private const string CityScope = "city";

    public static Audience User(Guid id) => Of(AudienceKind.User, id);
    public static Audience Unit(Guid id) => Of(AudienceKind.Unit, id);
    public static Audience Building(Guid id) => Of(AudienceKind.Building, id);
    public static Audience Community(Guid id) => Of(AudienceKind.Community, id);
    public static Audience Street(Guid id) => Of(AudienceKind.Street, id);
    /// <summary>Holders of a role over one scope, e.g. the committee members of a community.</summary>
    public static Audience RoleHolders(Role role, Guid? scopeId) => new($"role:{role}:{scopeId?.ToString() ?? CityScope}");

    private static Audience Of(AudienceKind kind, Guid id) => new($"{Prefix(kind)}:{id}");

    private static string Prefix(AudienceKind kind) => kind switch
    {
        AudienceKind.User => "user",
        AudienceKind.Unit => "unit",
        AudienceKind.Building => "building",
        AudienceKind.Community => "community",
        AudienceKind.Street => "street",
        _ => "role",
    };

    /// <summary>Reads a stored key back into what it addresses; false for a key no builder makes.</summary>
    public static bool TryParse(string key, [NotNullWhen(true)] out AudienceTarget? target)
    {
        target = null;
        var parts = key.Split(':');
        if (parts.Length == 3 && parts[0] == Prefix(AudienceKind.RoleHolders) && Enum.TryParse<Role>(parts[1], out var role)
            && Enum.IsDefined(role))
        {
            if (parts[2] == CityScope)
                target = new AudienceTarget(AudienceKind.RoleHolders, null, role);
            else if (Guid.TryParse(parts[2], out var scope))
                target = new AudienceTarget(AudienceKind.RoleHolders, scope, role);
            return target is not null;
        }
        if (parts.Length != 2 || !Guid.TryParse(parts[1], out var id))
            return false;
        foreach (var kind in (AudienceKind[])[AudienceKind.User, AudienceKind.Unit, AudienceKind.Building, AudienceKind.Community, AudienceKind.Street])
            if (parts[0] == Prefix(kind))
                target = new AudienceTarget(kind, id, null);
        return target is not null;
    }

    public override string ToString() => Key;
}
