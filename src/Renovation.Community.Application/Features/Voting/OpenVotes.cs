using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// The hot path of casting. An open vote cannot change until it closes (its options, secrecy, settings and frozen roll
/// are fixed at opening, and ballots are refused by the clock from the closing time), so it is cached in memory until
/// then; and the callers' parties are found with key look-ups over their approved bindings and the frozen roll.
/// </summary>
public sealed class OpenVotes(IMemoryCache cache)
{
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<Vote?>> LoadVote =
        EF.CompileAsyncQuery((AppDbContext db, Guid voteId, CancellationToken _) =>
            db.Votes.AsNoTracking().Include(v => v.Candidates).SingleOrDefault(v => v.Id == voteId));

    /// <summary>The vote if it is open and cached, without touching the database.</summary>
    public Vote? FindCached(Guid voteId) => cache.TryGetValue(voteId, out Vote? cached) ? cached : null;

    /// <summary>The vote if it is open (from the cache when possible), otherwise null.</summary>
    public async Task<Vote?> FindOpenAsync(AppDbContext db, Guid voteId, CancellationToken ct)
    {
        if (FindCached(voteId) is { } cached)
            return cached;
        var vote = await LoadVote(db, voteId, ct);
        if (vote?.State != VoteState.Open)
            return null;
        cache.Set(voteId, vote, vote.ClosesAt.AddMinutes(1));
        return vote;
    }

    /// <summary>The roll entries of the parties whose units the user is bound to (approved bindings only).</summary>
    public static async Task<List<ElectorateParty>> OwnPartiesAsync(AppDbContext db, Guid voteId, Guid userId, CancellationToken ct) =>
        (await OwnPartiesAsync(db, [voteId], [userId], ct)).GetValueOrDefault((voteId, userId))?.Select(p => p.Party).ToList() ?? [];

    /// <summary>
    /// For every user and vote, the roll entries of the parties whose units the user is bound to (approved bindings
    /// only), whether each party has voted and whether an approved proxy stands for it. Two queries of plain key look-ups rather than one join: with a roll
    /// freshly frozen, MariaDB's statistics can lead it to scan whole rolls for the join.
    /// </summary>
    public static async Task<Dictionary<(Guid VoteId, Guid UserId), List<OwnParty>>> OwnPartiesAsync(AppDbContext db,
        IReadOnlyCollection<Guid> voteIds, IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var bindings = await db.ApprovedBindings().AsNoTracking()
            .Where(b => userIds.Contains(b.UserId))
            .Select(b => new { b.UserId, b.UnitId }).ToListAsync(ct);
        var unitIds = bindings.Select(b => b.UnitId).Distinct().ToList();
        var onRoll = await (
            from u in db.ElectorateUnits
            where unitIds.Contains(u.UnitId) && voteIds.Contains(u.VoteId)
            join p in db.ElectorateParties on new { u.VoteId, u.OwnerPartyId } equals new { p.VoteId, p.OwnerPartyId }
            select new
            {
                u.UnitId,
                Party = p,
                HasVoted = db.Participations.Any(x => x.VoteId == p.VoteId && x.OwnerPartyId == p.OwnerPartyId),
                ProxyStands = db.ProxyAuthorizations.Any(x => x.VoteId == p.VoteId && x.OwnerPartyId == p.OwnerPartyId
                    && x.Status == ProxyStatus.Approved),
            }).AsNoTracking().ToListAsync(ct);
        var unitsOnRoll = onRoll.ToLookup(r => r.UnitId);
        return bindings
            .SelectMany(b => unitsOnRoll[b.UnitId].Select(r => (b.UserId, r.Party, r.HasVoted, r.ProxyStands)))
            .GroupBy(r => (r.Party.VoteId, r.UserId))
            .ToDictionary(g => g.Key, g => g.DistinctBy(r => r.Party.OwnerPartyId).Select(r => new OwnParty(r.Party, r.HasVoted, r.ProxyStands)).ToList());
    }
}

/// <summary>
/// A party on a vote's frozen roll that the caller owns, whether it has voted, and whether an approved proxy stands
/// for it (then the owner does not vote until the proxy is withdrawn).
/// </summary>
public sealed record OwnParty(ElectorateParty Party, bool HasVoted, bool ProxyStands);
