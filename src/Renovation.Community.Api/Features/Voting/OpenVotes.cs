using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Api.Features.Voting;

/// <summary>
/// The hot path of casting. An open vote cannot change until it closes (its options, secrecy, settings and frozen roll
/// are fixed at opening, and ballots are refused by the clock from the closing time), so it is cached in memory until
/// then; and the caller's parties are found with one compiled query over their approved bindings and the frozen roll.
/// </summary>
public sealed class OpenVotes(IMemoryCache cache)
{
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<Vote?>> LoadVote =
        EF.CompileAsyncQuery((AppDbContext db, Guid voteId, CancellationToken _) =>
            db.Votes.AsNoTracking().Include(v => v.Candidates).SingleOrDefault(v => v.Id == voteId));

    private static readonly Func<AppDbContext, Guid, Guid, IAsyncEnumerable<ElectorateParty>> OwnParties =
        EF.CompileAsyncQuery((AppDbContext db, Guid voteId, Guid userId) =>
            (from b in db.UnitBindings
             where b.UserId == userId && b.Status == Identity.BindingStatus.Approved
             join u in db.ElectorateUnits on b.UnitId equals u.UnitId
             where u.VoteId == voteId
             join p in db.ElectorateParties on new { u.VoteId, u.OwnerPartyId } equals new { p.VoteId, p.OwnerPartyId }
             select p).AsNoTracking().Distinct());

    /// <summary>The vote if it is open and cached, without touching the database.</summary>
    public Vote? FindCached(Guid voteId) => cache.TryGetValue(voteId, out Vote? cached) ? cached : null;

    /// <summary>The vote if it is open (from the cache when possible), otherwise null.</summary>
    public async Task<Vote?> FindOpenAsync(AppDbContext db, Guid voteId, CancellationToken ct)
    {
        if (cache.TryGetValue(voteId, out Vote? cached))
            return cached;
        var vote = await LoadVote(db, voteId, ct);
        if (vote?.State != VoteState.Open)
            return null;
        cache.Set(voteId, vote, vote.ClosesAt.AddMinutes(1));
        return vote;
    }

    /// <summary>The roll entries of the parties whose units the user is bound to (approved bindings only).</summary>
    public static async Task<List<ElectorateParty>> OwnPartiesAsync(AppDbContext db, Guid voteId, Guid userId, CancellationToken ct)
    {
        var parties = new List<ElectorateParty>();
        await foreach (var party in OwnParties(db, voteId, userId).WithCancellation(ct))
            parties.Add(party);
        return parties;
    }
}
