namespace Renovation.Community.Application.Features.Voting;

/// <summary>The raw sums a result is judged on, whether kept incrementally or recounted from the ballots.</summary>
public sealed record TallyCounts(Totals Participating, Totals Agree, Totals Oppose, Totals Abstain,
    IReadOnlyDictionary<Guid, Totals> CandidateAgree)
{
    public static readonly TallyCounts Empty = new(default, default, default, default, new Dictionary<Guid, Totals>());
}

/// <summary>Turns the sums into a result under Article 278 (see <see cref="Thresholds"/>).</summary>
public static class TallyCalculator
{
    public static VoteResult Compute(Vote vote, TallyCounts counts)
    {
        var quorum = Thresholds.QuorumMet(counts.Participating, vote.Electorate);
        if (vote.Kind == VoteKind.Motion)
        {
            var passed = quorum && Thresholds.Approved(vote.Matter, counts.Agree, counts.Participating);
            return new VoteResult(vote.Electorate, counts.Participating, counts.Agree, counts.Oppose, counts.Abstain,
                quorum, passed, []);
        }

        var candidates = vote.Candidates
            .Select(c => (Candidate: c, Agree: counts.CandidateAgree.GetValueOrDefault(c.Id)))
            .Select(x => (x.Candidate, x.Agree, Approved: quorum && Thresholds.Approved(vote.Matter, x.Agree, counts.Participating)))
            .ToList();
        // Seats go to approved candidates by most agreeing area, then most agreeing heads. Candidates tied exactly
        // across the last seat are not elected automatically: the law gives no tie-break, so the owners decide again.
        var ranked = candidates.Where(c => c.Approved)
            .OrderByDescending(c => c.Agree.Area).ThenByDescending(c => c.Agree.Heads).ToList();
        var elected = new HashSet<Guid>();
        var tied = new HashSet<Guid>();
        if (ranked.Count > vote.Seats)
        {
            var boundary = ranked[vote.Seats - 1].Agree;
            var firstOut = ranked[vote.Seats].Agree;
            foreach (var c in ranked)
            {
                if (boundary == firstOut && c.Agree == boundary)
                    tied.Add(c.Candidate.Id);
                else if (c.Agree.Area > firstOut.Area || (c.Agree.Area == firstOut.Area && c.Agree.Heads > firstOut.Heads))
                    elected.Add(c.Candidate.Id);
            }
        }
        else
        {
            elected.UnionWith(ranked.Select(c => c.Candidate.Id));
        }

        var results = candidates.Select(c => new CandidateResult(c.Candidate.Id, c.Candidate.Label, c.Agree, c.Approved,
            elected.Contains(c.Candidate.Id), tied.Contains(c.Candidate.Id))).ToList();
        return new VoteResult(vote.Electorate, counts.Participating, default, default, default, quorum,
            quorum && elected.Count == vote.Seats, results);
    }
}
