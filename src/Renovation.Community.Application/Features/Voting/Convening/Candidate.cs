using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>A candidate in an election.</summary>
public sealed class Candidate
{
    private Candidate() { }

    public Candidate(Guid voteId, string name, int order)
    {
        Id = Ids.New();
        VoteId = voteId;
        Name = name.Trim();
        Order = order;
    }

    public Guid Id { get; private set; }
    public Guid VoteId { get; private set; }
    public string Name { get; private set; } = "";
    public int Order { get; private set; }
}
