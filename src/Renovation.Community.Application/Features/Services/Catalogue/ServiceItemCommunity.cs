namespace Renovation.Community.Application.Features.Services;

/// <summary>A community an item is offered in (one of those its company serves).</summary>
public sealed class ServiceItemCommunity
{
    private ServiceItemCommunity() { }

    public ServiceItemCommunity(Guid itemId, Guid communityId)
    {
        ItemId = itemId;
        CommunityId = communityId;
    }

    public Guid ItemId { get; private set; }
    public Guid CommunityId { get; private set; }
}
