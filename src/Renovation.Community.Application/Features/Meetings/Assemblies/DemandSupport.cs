using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>An owner party's support for a demand; the primary key (demand, party) counts each party once.</summary>
public sealed class DemandSupport
{
    private DemandSupport() { }

    public DemandSupport(Guid demandId, Guid ownerPartyId, long areaHundredths, Guid joinedBy, DateTimeOffset now)
    {
        DemandId = demandId;
        OwnerPartyId = ownerPartyId;
        AreaHundredths = areaHundredths;
        JoinedBy = joinedBy;
        JoinedAt = now;
    }

    public Guid DemandId { get; private set; }
    public Guid OwnerPartyId { get; private set; }
    public long AreaHundredths { get; private set; }
    public Guid JoinedBy { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }

    public static AppProblem Exists() => AppProblem.Conflict("already_supported", "您所代表的业主已加入该提议");
}
