using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// Which area the community's fund splits count by. The defaults are the law's: fund charges (initial deposits, per-m²
/// top-ups, works charges) by building area (Order 165 Arts. 7 and 22), common-part income by exclusive area (Civil Code
/// Art. 283, "unless the owners agreed otherwise"). The owners' own rules (管理规约, 业主大会议事规则) may choose the other
/// area; the committee records that choice here. Votes are not a setting: Art. 278 counts exclusive area, always.
/// </summary>
public sealed class FundSettings : Common.IAudited
{
    private FundSettings() { }

    public FundSettings(Guid communityId)
    {
        CommunityId = communityId;
        Id = communityId;
    }

    /// <summary>Same as <see cref="CommunityId"/>; the audit log keys entries by it.</summary>
    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    /// <summary>Area for initial deposits computed per m², per-m² top-ups and works charges.</summary>
    public AreaKind ChargesArea { get; private set; } = AreaKind.Building;
    /// <summary>Area for common-part income.</summary>
    public AreaKind CommonIncomeArea { get; private set; } = AreaKind.Exclusive;

    public void Change(AreaKind chargesArea, AreaKind commonIncomeArea)
    {
        ChargesArea = chargesArea;
        CommonIncomeArea = commonIncomeArea;
    }
}
