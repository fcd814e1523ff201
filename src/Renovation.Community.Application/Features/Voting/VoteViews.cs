namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// A candidate as shown: <c>label</c> tells two people of one name apart by flat and ID suffix. partyMemberId or userId
/// says who the person is; flat, idLast4 and both ids are null on candidates of elections convened by name only.
/// </summary>
public sealed record CandidateView(Guid Id, string Name, int Order, string Label, string? Flat, string? IdLast4, Guid? PartyMemberId,
    Guid? UserId);

public sealed record VoteView(Guid Id, Guid CommunityId, string Title, string Description, Matter Matter, VoteKind Kind,
    Secrecy Secrecy, bool ShowCountsBeforeClose, int Seats, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, VoteState State,
    Guid? PlanId, bool LastBallotWins, Totals? Electorate, Totals? Participating, TallyCounts? Counts,
    IReadOnlyList<CandidateView> Candidates, VoteResult? Result, DateTimeOffset? ResultPublicUntil);

public static class VoteViews
{
    /// <summary>
    /// What anyone in the community may see: turnout once open; per-option counts only after the close, or before
    /// it when the vote says so.
    /// </summary>
    public static VoteView View(Vote v, TallyCounts? tally)
    {
        var opened = v.State is VoteState.Open or VoteState.Closed;
        var countsVisible = v.State == VoteState.Closed || v.ShowCountsBeforeClose;
        return new VoteView(v.Id, v.CommunityId, v.Title, v.Description, v.Matter, v.Kind, v.Secrecy, v.ShowCountsBeforeClose,
            v.Seats, v.OpensAt, v.ClosesAt, v.State, v.PlanId, v.LastBallotWins,
            opened ? v.Electorate : null,
            opened ? tally?.Participating : null,
            opened && countsVisible ? tally : null,
            v.Candidates.OrderBy(c => c.Order).Select(c => new CandidateView(c.Id, c.Name, c.Order, c.Label, c.Flat, c.IdLast4, c.PartyMemberId, c.UserId)).ToList(),
            v.Result, v.ResultPublicUntil);
    }

    /// <summary>The live turnout event; counts ride along only where the vote shows them before the close.</summary>
    public static object Turnout(Vote v, TallyCounts tally) => new
    {
        voteId = v.Id,
        electorate = v.Electorate,
        participating = tally.Participating,
        counts = v.ShowCountsBeforeClose ? tally : null,
    };
}
