using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Proposals;

/// <summary>A cost estimate line of one plan version. Lines are replaced as a whole when a draft is edited.</summary>
public sealed class PlanCostItem : IAudited
{
    private PlanCostItem() { }

    public PlanCostItem(Guid planId, int position, string name, long amountFen)
    {
        Id = Ids.New();
        PlanId = planId;
        Position = position;
        Name = name.Trim();
        AmountFen = amountFen;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; } = "";
    public long AmountFen { get; private set; }
}
