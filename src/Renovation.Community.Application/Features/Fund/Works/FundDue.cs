using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>The part of a works share a household's balance could not cover: owed, payable as <c>fund-due</c>.</summary>
public sealed class FundDue : IOwedInFen
{
    private FundDue() { }

    public FundDue(Guid planId, Guid communityId, Guid householdId, Guid unitId, long amountFen, DateTimeOffset now)
    {
        Id = Ids.New();
        PlanId = planId;
        CommunityId = communityId;
        HouseholdId = householdId;
        UnitId = unitId;
        AmountFen = amountFen;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid CommunityId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public Guid UnitId { get; private set; }
    public long AmountFen { get; private set; }
    public long PaidFen { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long OwingFen => AmountFen - PaidFen;
}
