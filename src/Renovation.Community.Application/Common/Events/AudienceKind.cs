namespace Renovation.Community.Application.Common.Events;

/// <summary>What an <see cref="Audience"/> addresses.</summary>
public enum AudienceKind
{
    User,
    Unit,
    Building,
    Community,
    Street,
    RoleHolders,
}
