namespace Renovation.Community.Application.Features.Voting;

/// <summary>What the tally is judged on: areas in hundredths of m², heads as owner parties.</summary>
public readonly record struct Totals(long Area, long Heads)
{
    public static Totals operator +(Totals a, Totals b) => new(a.Area + b.Area, a.Heads + b.Heads);
    public static Totals operator -(Totals a, Totals b) => new(a.Area - b.Area, a.Heads - b.Heads);
}

/// <summary>
/// Civil Code Article 278, in integers only (cross-multiplied, never divided): participation needs at least 2/3 of
/// all area and of all owners; approval needs at least 3/4 (matters 6–8) or more than half (all others) of the
/// participating area and of the participating owners. "以上" includes the exact fraction, "过半数" is strict.
/// </summary>
public static class Thresholds
{
    public static bool NeedsThreeQuarters(Matter matter) =>
        matter is Matter.RaiseMaintenanceFund or Matter.RebuildBuildings or Matter.ChangeUseOfCommonParts;

    /// <summary>Quorum: participating area ≥ 2/3 of total area AND participating heads ≥ 2/3 of total heads.</summary>
    public static bool QuorumMet(Totals participating, Totals electorate) =>
        participating.Area * 3 >= electorate.Area * 2 && participating.Heads * 3 >= electorate.Heads * 2;

    /// <summary>Approval is measured against those who took part, never against the whole electorate.</summary>
    public static bool Approved(Matter matter, Totals agree, Totals participating)
    {
        if (participating.Heads == 0)
            return false;
        return NeedsThreeQuarters(matter)
            ? agree.Area * 4 >= participating.Area * 3 && agree.Heads * 4 >= participating.Heads * 3
            : agree.Area * 2 > participating.Area && agree.Heads * 2 > participating.Heads;
    }

    /// <summary>A motion passes when the quorum is met and it is approved.</summary>
    public static bool Passes(Matter matter, Totals agree, Totals participating, Totals electorate) =>
        QuorumMet(participating, electorate) && Approved(matter, agree, participating);
}
