using Microsoft.EntityFrameworkCore;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Api.Features.Voting;

/// <summary>A vote's outcome as other features may rely on it (the fund gates top-ups and spending on it).</summary>
/// <param name="Passed">True only for a closed vote whose published result passed.</param>
public sealed record VoteOutcome(Guid VoteId, Guid CommunityId, Matter Matter, bool Passed);

/// <summary>Voting's public surface for "did the owners decide this?", so no other feature reads vote tables.</summary>
public static class VoteOutcomes
{
    public static async Task<VoteOutcome?> FindAsync(AppDbContext db, Guid voteId, CancellationToken ct)
    {
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        return vote is null ? null
            : new VoteOutcome(vote.Id, vote.CommunityId, vote.Matter, vote.State == VoteState.Closed && vote.Result?.Passed == true);
    }
}
