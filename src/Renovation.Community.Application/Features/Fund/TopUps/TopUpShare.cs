using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>What one household owes a campaign, and what it has paid (PaidFen ≤ AmountFen is a database check).</summary>
public sealed class TopUpShare : IOwedInFen
{
    private TopUpShare() { }

    public TopUpShare(Guid campaignId, Guid communityId, Guid householdId, Guid unitId, long amountFen)
    {
        Id = Ids.New();
        CampaignId = campaignId;
        CommunityId = communityId;
        HouseholdId = householdId;
        UnitId = unitId;
        AmountFen = amountFen;
    }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid CommunityId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public Guid UnitId { get; private set; }
    public long AmountFen { get; private set; }
    public long PaidFen { get; private set; }
    public long OwingFen => AmountFen - PaidFen;
}
