using Renovation.Community.Application.Common;
using Renovation.Community.Application.Features.Voting;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>One item of an assembly's notice and the Article 278 vote that decides it.</summary>
public sealed class AssemblyItem
{
    private AssemblyItem() { }

    public AssemblyItem(Guid assemblyId, int order, string title, string? description, Matter matter, bool secret, Guid voteId)
    {
        Id = Ids.New();
        AssemblyId = assemblyId;
        Order = order;
        Title = title.Trim();
        Description = description?.Trim() ?? "";
        Matter = matter;
        Secret = secret;
        VoteId = voteId;
    }

    public Guid Id { get; private set; }
    public Guid AssemblyId { get; private set; }
    public int Order { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Matter Matter { get; private set; }
    public bool Secret { get; private set; }
    public Guid VoteId { get; private set; }
}
