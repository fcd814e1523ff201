namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// The final result with every total it was computed from, stored on the vote at close (as JSON) and published.
/// </summary>
public sealed record VoteResult(
    Totals Electorate,
    Totals Participating,
    Totals Agree,
    Totals Oppose,
    Totals Abstain,
    bool QuorumMet,
    bool Passed,
    IReadOnlyList<CandidateResult> Candidates);

/// <summary>One candidate's agreeing totals; elected when approved and within the seats. Name is the candidate's label (name, flat, ID suffix).</summary>
public sealed record CandidateResult(Guid CandidateId, string Name, Totals Agree, bool Approved, bool Elected, bool TiedAtLastSeat);
