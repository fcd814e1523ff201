using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>A vote's outcome as other features may rely on it (the fund gates top-ups and spending on it; owners'
/// assemblies publish it).</summary>
public sealed record VoteOutcome(Guid VoteId, Guid CommunityId, Matter Matter, VoteState State, DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt, VoteResult? Result)
{
    /// <summary>True only for a closed vote whose published result passed.</summary>
    public bool Passed => State == VoteState.Closed && Result?.Passed == true;
}

/// <summary>
/// Voting's one public surface for "what did the owners decide?", so no other feature reads vote tables or decides
/// for itself what counts as passed.
/// </summary>
public static class VoteOutcomes
{
    public static async Task<VoteOutcome?> FindAsync(AppDbContext db, Guid voteId, CancellationToken ct) =>
        (await FindAsync(db, [voteId], ct)).GetValueOrDefault(voteId);

    public static async Task<IReadOnlyDictionary<Guid, VoteOutcome>> FindAsync(AppDbContext db, IReadOnlyCollection<Guid> voteIds,
        CancellationToken ct)
    {
        var votes = await db.Votes.AsNoTracking().Where(v => voteIds.Contains(v.Id)).ToListAsync(ct);
        return votes.ToDictionary(v => v.Id, v => new VoteOutcome(v.Id, v.CommunityId, v.Matter, v.State, v.OpensAt, v.ClosesAt, v.Result));
    }
}
