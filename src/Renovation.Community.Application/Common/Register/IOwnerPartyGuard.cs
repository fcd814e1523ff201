using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Common.Register;

/// <summary>
/// Asked before owner parties are merged or removed. A feature that holds parties in a process still running (a vote
/// whose roll is frozen, …) answers the problem that refuses the change, or null. Places owns parties; this contract
/// lets it ask without knowing the features that use them.
/// </summary>
public interface IOwnerPartyGuard
{
    Task<AppProblem?> RefuseChangeAsync(IReadOnlyCollection<Guid> partyIds, CancellationToken ct);
}
