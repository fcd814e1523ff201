using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>Reads and adjusts the running tally, and recounts from the ballots to check it.</summary>
public static class TallyStore
{
    public static void Create(AppDbContext db, Vote vote)
    {
        for (var shard = 0; shard < VoteTally.Shards; shard++)
        {
            db.VoteTallies.Add(new VoteTally(vote.Id, shard));
            foreach (var candidate in vote.Candidates)
                db.CandidateTallies.Add(new CandidateTally(vote.Id, candidate.Id, shard));
        }
    }

    /// <summary>
    /// Adds (sign +1) or removes (sign −1) a ballot's contribution in its shard, inside the caller's transaction. Plain
    /// SQL with parameters typed by EF's mappings: this runs once per ballot and is the hottest statement we have.
    /// </summary>
    public static async Task ApplyAsync(AppDbContext db, Guid voteId, int shard, TallyCounts c, int sign, CancellationToken ct)
    {
        long pa = sign * c.Participating.Area, ph = sign * c.Participating.Heads;
        long aa = sign * c.Agree.Area, ah = sign * c.Agree.Heads;
        long oa = sign * c.Oppose.Area, oh = sign * c.Oppose.Heads;
        long xa = sign * c.Abstain.Area, xh = sign * c.Abstain.Heads;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE VoteTallies SET ParticipatingArea = ParticipatingArea + {pa}, ParticipatingHeads = ParticipatingHeads + {ph},
                AgreeArea = AgreeArea + {aa}, AgreeHeads = AgreeHeads + {ah}, OpposeArea = OpposeArea + {oa},
                OpposeHeads = OpposeHeads + {oh}, AbstainArea = AbstainArea + {xa}, AbstainHeads = AbstainHeads + {xh}
            WHERE VoteId = {voteId} AND Shard = {shard}
            """, ct);
        foreach (var (candidateId, agree) in c.CandidateAgree)
        {
            long ca = sign * agree.Area, chh = sign * agree.Heads;
            await db.Database.ExecuteSqlAsync($"""
                UPDATE CandidateTallies SET AgreeArea = AgreeArea + {ca}, AgreeHeads = AgreeHeads + {chh}
                WHERE VoteId = {voteId} AND CandidateId = {candidateId} AND Shard = {shard}
                """, ct);
        }
    }

    /// <summary>The running tally: the sum of the shards.</summary>
    public static async Task<TallyCounts> ReadAsync(AppDbContext db, Guid voteId, CancellationToken ct)
    {
        var shards = await db.VoteTallies.AsNoTracking().Where(t => t.VoteId == voteId).ToListAsync(ct);
        var candidates = await db.CandidateTallies.AsNoTracking().Where(t => t.VoteId == voteId)
            .GroupBy(t => t.CandidateId)
            .Select(g => new { g.Key, Area = g.Sum(t => t.AgreeArea), Heads = g.Sum(t => t.AgreeHeads) })
            .ToListAsync(ct);
        return new TallyCounts(
            new(shards.Sum(s => s.ParticipatingArea), shards.Sum(s => s.ParticipatingHeads)),
            new(shards.Sum(s => s.AgreeArea), shards.Sum(s => s.AgreeHeads)),
            new(shards.Sum(s => s.OpposeArea), shards.Sum(s => s.OpposeHeads)),
            new(shards.Sum(s => s.AbstainArea), shards.Sum(s => s.AbstainHeads)),
            candidates.ToDictionary(c => c.Key, c => new Totals(c.Area, c.Heads)));
    }

    /// <summary>
    /// The running tallies of many votes (a page of a list) in two grouped queries, one over the shards and one over
    /// the candidates' shards, rather than a read per vote.
    /// </summary>
    public static async Task<Dictionary<Guid, TallyCounts>> ReadManyAsync(AppDbContext db, IReadOnlyCollection<Guid> voteIds,
        CancellationToken ct)
    {
        if (voteIds.Count == 0)
            return [];
        var sums = await db.VoteTallies.AsNoTracking().Where(t => voteIds.Contains(t.VoteId))
            .GroupBy(t => t.VoteId)
            .Select(g => new
            {
                VoteId = g.Key,
                PArea = g.Sum(t => t.ParticipatingArea), PHeads = g.Sum(t => t.ParticipatingHeads),
                AArea = g.Sum(t => t.AgreeArea), AHeads = g.Sum(t => t.AgreeHeads),
                OArea = g.Sum(t => t.OpposeArea), OHeads = g.Sum(t => t.OpposeHeads),
                XArea = g.Sum(t => t.AbstainArea), XHeads = g.Sum(t => t.AbstainHeads),
            }).ToListAsync(ct);
        var candidates = (await db.CandidateTallies.AsNoTracking().Where(t => voteIds.Contains(t.VoteId))
            .GroupBy(t => new { t.VoteId, t.CandidateId })
            .Select(g => new { g.Key.VoteId, g.Key.CandidateId, Area = g.Sum(t => t.AgreeArea), Heads = g.Sum(t => t.AgreeHeads) })
            .ToListAsync(ct)).ToLookup(c => c.VoteId);
        return sums.ToDictionary(s => s.VoteId, s => new TallyCounts(new(s.PArea, s.PHeads), new(s.AArea, s.AHeads),
            new(s.OArea, s.OHeads), new(s.XArea, s.XHeads),
            candidates[s.VoteId].ToDictionary(c => c.CandidateId, c => new Totals(c.Area, c.Heads))));
    }

    /// <summary>Counts every ballot that no later ballot replaced, from scratch.</summary>
    public static async Task<TallyCounts> RecountAsync(AppDbContext db, Guid voteId, CancellationToken ct)
    {
        var counted = await db.Ballots.AsNoTracking()
            .Where(b => b.VoteId == voteId && !db.Ballots.Any(o => o.SupersedesBallotId == b.Id))
            .Select(b => new { b.ChoiceCode, b.AreaHundredths })
            .ToListAsync(ct);
        return Sum(counted.Select(b => BallotChoice.Parse(b.ChoiceCode).Contribution(b.AreaHundredths)));
    }

    public static TallyCounts Sum(IEnumerable<TallyCounts> parts)
    {
        Totals p = default, a = default, o = default, x = default;
        var candidates = new Dictionary<Guid, Totals>();
        foreach (var c in parts)
        {
            p += c.Participating;
            a += c.Agree;
            o += c.Oppose;
            x += c.Abstain;
            foreach (var (id, t) in c.CandidateAgree)
                candidates[id] = candidates.GetValueOrDefault(id) + t;
        }
        return new TallyCounts(p, a, o, x, candidates);
    }

    /// <summary>Equal when every sum matches; candidates with zero agreement may be absent on either side.</summary>
    public static bool Same(TallyCounts x, TallyCounts y) =>
        x.Participating == y.Participating && x.Agree == y.Agree && x.Oppose == y.Oppose && x.Abstain == y.Abstain
        && x.CandidateAgree.Keys.Union(y.CandidateAgree.Keys)
            .All(k => x.CandidateAgree.GetValueOrDefault(k) == y.CandidateAgree.GetValueOrDefault(k));
}
