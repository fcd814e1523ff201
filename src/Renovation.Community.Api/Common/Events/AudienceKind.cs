namespace Renovation.Community.Api.Common.Events;

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
