namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// That an owner party took part in a vote, and by which channel: public, and the one-per-party guard (a unique
/// index on vote and party). In a secret vote nothing here points to the ballot, and it carries no time, so the
/// database holds no link between who voted and what they chose.
/// </summary>
public sealed class Participation
{
    private Participation() { }

    public Participation(Guid voteId, Guid ownerPartyId, BallotChannel channel, Guid? currentBallotId)
    {
        Id = Guid.NewGuid();
        VoteId = voteId;
        OwnerPartyId = ownerPartyId;
        Channel = channel;
        CurrentBallotId = currentBallotId;
    }

    public Guid Id { get; private set; }
    public Guid VoteId { get; private set; }
    public Guid OwnerPartyId { get; private set; }
    public BallotChannel Channel { get; private set; }
    /// <summary>Named votes only: the ballot that currently counts for the party.</summary>
    public Guid? CurrentBallotId { get; private set; }
    /// <summary>How many times a later ballot replaced an earlier one ("last ballot wins").</summary>
    public int Replacements { get; private set; }

    public void Replace(BallotChannel channel, Guid? currentBallotId)
    {
        Channel = channel;
        CurrentBallotId = currentBallotId;
        Replacements++;
    }
}
