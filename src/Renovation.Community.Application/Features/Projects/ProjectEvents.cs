using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Events;

namespace Renovation.Community.Application.Features.Projects;

/// <summary>
/// Renovation events go to the community (its residents and committee) and to the officers of its street, who are
/// not members of community groups. Personal events add <see cref="Audience.User"/> at the call site.
/// </summary>
public static class ProjectEvents
{
    public static void Publish(this EventOutbox outbox, string kind, Guid communityId, Guid streetId, object payload)
    {
        outbox.Add(kind, Audience.Community(communityId), payload);
        outbox.Add(kind, Audience.RoleHolders(Role.StreetOfficer, streetId), payload);
    }

    /// <summary>Events the renovation office acts on (a plan waiting for reviewers).</summary>
    public static void PublishToOffice(this EventOutbox outbox, string kind, object payload) =>
        outbox.Add(kind, Audience.RoleHolders(Role.CityAdmin, null), payload);
}
