namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// One shard of a vote's running tally. Each ballot adds to one randomly chosen shard in the same transaction that
/// records it, so the sum of the shards always equals a recount, while concurrent ballots rarely wait on the same
/// row (one hot counter row would serialise every ballot of a vote).
/// </summary>
public sealed class VoteTally
{
    public const int Shards = 16;

    private VoteTally() { }

    public VoteTally(Guid voteId, int shard)
    {
        VoteId = voteId;
        Shard = shard;
    }

    public Guid VoteId { get; private set; }
    public int Shard { get; private set; }
    public long ParticipatingArea { get; private set; }
    public long ParticipatingHeads { get; private set; }
    public long AgreeArea { get; private set; }
    public long AgreeHeads { get; private set; }
    public long OpposeArea { get; private set; }
    public long OpposeHeads { get; private set; }
    public long AbstainArea { get; private set; }
    public long AbstainHeads { get; private set; }
}
