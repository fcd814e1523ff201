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

/// <summary>A project file attached to one plan version.</summary>
public sealed class PlanAttachment : IAudited
{
    private PlanAttachment() { }

    public PlanAttachment(Guid planId, int position, Guid fileId, string title)
    {
        Id = Ids.New();
        PlanId = planId;
        Position = position;
        FileId = fileId;
        Title = title.Trim();
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Position { get; private set; }
    public Guid FileId { get; private set; }
    public string Title { get; private set; } = "";
}
