namespace Renovation.Community.Application.Common.Authorization;

/// <summary>
/// Told after a change to a user's bindings or roles has committed, so that what the user receives live (hub groups)
/// follows at once, not at their next reconnect. Implemented by Realtime.
/// </summary>
public interface IAccessChanges
{
    Task ChangedAsync(Guid userId, CancellationToken ct);
}
