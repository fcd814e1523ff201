using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// An online ballot as the caller sent it: who casts it, for which party (when they named one), what it says, and
/// the earlier ballot's key when it replaces one in a secret vote. The box finds the party.
/// </summary>
public sealed record BoxedBallot(Vote Vote, BallotChoice Choice, string Key, Guid UserId, Guid? PartyId, string? ReplacesKey = null);

/// <summary>
/// A ballot for a party already known (paper ballots and their corrections). A correction replaces the party's ballot
/// whatever the "last ballot wins" setting; <see cref="AlsoWrite"/> joins the caller's own change (confirming the
/// paper entry) to the ballot's transaction.
/// </summary>
public sealed record CastRequest(Vote Vote, Guid PartyId, long AreaHundredths, BallotChoice Choice, string Key,
    BallotChannel Channel, Guid? CastByUserId, string? ReplacesKey, bool IsCorrection = false,
    Guid? ExpectedReplacedBallotId = null, Func<AppDbContext, Ballot, CancellationToken, Task>? AlsoWrite = null);

public sealed record CastOutcome(Guid VoteId, string Receipt, bool Replayed, bool Replaced);
