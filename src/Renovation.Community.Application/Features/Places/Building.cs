using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Places;

/// <summary>A building (楼栋) of a community.</summary>
public sealed class Building : IAudited
{
    private Building() { }

    public Building(Guid communityId, string name)
    {
        Id = Ids.New();
        CommunityId = communityId;
        Name = name.Trim();
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public string Name { get; private set; } = "";

    public void Rename(string name) => Name = name.Trim();
}
