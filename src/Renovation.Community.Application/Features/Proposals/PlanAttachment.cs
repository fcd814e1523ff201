using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Proposals;

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
