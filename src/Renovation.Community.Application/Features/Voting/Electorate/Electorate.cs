namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// One unit on a vote's roll, frozen when the vote opens: later sales or area corrections do not change this
/// vote's electorate (rule book §3).
/// </summary>
public sealed class ElectorateUnit
{
    private ElectorateUnit() { }

    public ElectorateUnit(Guid voteId, Guid unitId, Guid ownerPartyId, long areaHundredths)
    {
        VoteId = voteId;
        UnitId = unitId;
        OwnerPartyId = ownerPartyId;
        AreaHundredths = areaHundredths;
    }

    public Guid VoteId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid OwnerPartyId { get; private set; }
    public long AreaHundredths { get; private set; }
}
