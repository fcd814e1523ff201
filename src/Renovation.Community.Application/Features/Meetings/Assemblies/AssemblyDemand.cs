using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>
/// Owners demanding an extraordinary assembly (临时业主大会): owners join online until the supporters hold at least
/// 20% of the area and 20% of the heads, counted like a vote's electorate (one head per owner party, the party's
/// whole area, as the register stood when the demand started).
/// </summary>
public sealed class AssemblyDemand : IAudited
{
    private AssemblyDemand() { }

    public AssemblyDemand(Guid communityId, string purpose, long electorateArea, long electorateHeads, Guid startedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        CommunityId = communityId;
        Purpose = purpose.Trim();
        ElectorateArea = electorateArea;
        ElectorateHeads = electorateHeads;
        StartedBy = startedBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public string Purpose { get; private set; } = "";
    public long ElectorateArea { get; private set; }
    public long ElectorateHeads { get; private set; }
    public Guid StartedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReachedAt { get; private set; }
    public Guid? AssemblyId { get; private set; }
    public int Version { get; private set; }

    /// <summary>20% of area AND 20% of heads, "以上" including the exact fifth: 5 × joined ≥ electorate.</summary>
    public bool Holds(long area, long heads) => area * 5 >= ElectorateArea && heads * 5 >= ElectorateHeads && heads > 0;

    public void Reach(DateTimeOffset now)
    {
        ReachedAt ??= now;
        Version++;
    }

    public void Convened(Guid assemblyId)
    {
        if (ReachedAt is null)
            throw new DomainRuleViolation("demand_not_reached", "提议业主尚未达到专有部分面积和人数各 20%");
        if (AssemblyId is not null)
            throw AppProblem.Conflict("demand_already_convened", "该提议已召集业主大会");
        AssemblyId = assemblyId;
        Version++;
    }
}
