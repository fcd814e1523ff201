namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// One voter on the roll: an owner party with the sum of its units' areas. A party counts as one head however many
/// units it holds; co-owners are one party; the developer's unsold units are one party.
/// </summary>
public sealed class ElectorateParty
{
    private ElectorateParty() { }

    public ElectorateParty(Guid voteId, Guid ownerPartyId, string name, long areaHundredths, int units)
    {
        VoteId = voteId;
        OwnerPartyId = ownerPartyId;
        Name = name;
        AreaHundredths = areaHundredths;
        Units = units;
    }

    public Guid VoteId { get; private set; }
    public Guid OwnerPartyId { get; private set; }
    public string Name { get; private set; } = "";
    public long AreaHundredths { get; private set; }
    public int Units { get; private set; }
}
