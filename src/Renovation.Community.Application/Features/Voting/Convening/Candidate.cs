using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// A candidate in an election: a person (<see cref="CandidatePerson"/>), shown by name, flat and ID suffix so that two
/// people of one name stay apart. Candidates of elections convened before candidates were persons have a name only.
/// </summary>
public sealed class Candidate
{
    private Candidate() { }

    public Candidate(Guid voteId, CandidatePerson person, int order)
    {
        Id = Ids.New();
        VoteId = voteId;
        Name = person.Name.Trim();
        Order = order;
        PersonKey = person.Key;
        PartyMemberId = person.PartyMemberId;
        UserId = person.UserId;
        Flat = person.Flat;
        IdLast4 = person.IdLast4;
    }

    public Guid Id { get; private set; }
    public Guid VoteId { get; private set; }
    public string Name { get; private set; } = "";
    public int Order { get; private set; }
    /// <summary>Who the person is (<see cref="CandidatePerson.Key"/>); unique within a vote. Null on older candidates.</summary>
    public string? PersonKey { get; private set; }
    /// <summary>The registered owner (party member) the candidate is, when they are one.</summary>
    public Guid? PartyMemberId { get; private set; }
    /// <summary>The registered user the candidate is, when no register entry names them.</summary>
    public Guid? UserId { get; private set; }
    /// <summary>Where the candidate lives, e.g. "1幢 101".</summary>
    public string? Flat { get; private set; }
    public string? IdLast4 { get; private set; }

    public string Label => CandidatePerson.Label(Name, Flat, IdLast4);
}
