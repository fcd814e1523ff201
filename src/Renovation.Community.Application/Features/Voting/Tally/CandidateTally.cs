namespace Renovation.Community.Application.Features.Voting;

/// <summary>The agreeing totals of one election candidate in one shard.</summary>
public sealed class CandidateTally
{
    private CandidateTally() { }

    public CandidateTally(Guid voteId, Guid candidateId, int shard)
    {
        VoteId = voteId;
        CandidateId = candidateId;
        Shard = shard;
    }

    public Guid VoteId { get; private set; }
    public Guid CandidateId { get; private set; }
    public int Shard { get; private set; }
    public long AgreeArea { get; private set; }
    public long AgreeHeads { get; private set; }
}
