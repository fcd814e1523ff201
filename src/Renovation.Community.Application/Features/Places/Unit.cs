using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Places;

/// <summary>Which record the exclusive area comes from, in the order the SPC interpretation prefers them.</summary>
public enum AreaBasis
{
    Registered = 0,
    Surveyed = 1,
    Contract = 2,
}

/// <summary>One exclusive part (专有部分): the unit of area in every Article 278 count.</summary>
public sealed class Unit : IAudited
{
    private Unit() { }

    public Unit(Guid communityId, Guid buildingId, string number, long areaHundredths, AreaBasis basis,
        string? certificateNumber, Guid ownerPartyId, long? buildingAreaHundredths = null)
    {
        Id = Ids.New();
        CommunityId = communityId;
        BuildingId = buildingId;
        Number = number.Trim();
        CertificateNumber = string.IsNullOrWhiteSpace(certificateNumber) ? null : certificateNumber.Trim();
        ChangeArea(areaHundredths, basis, buildingAreaHundredths);
        OwnerPartyId = ownerPartyId;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public Guid BuildingId { get; private set; }
    public Building? Building { get; private set; }
    /// <summary>The door number within the building, e.g. "2-301".</summary>
    public string Number { get; private set; } = "";
    /// <summary>Exclusive area in hundredths of m² (89.56 m² = 8956).</summary>
    public long ExclusiveAreaHundredths { get; private set; }
    public AreaBasis AreaBasis { get; private set; }
    /// <summary>
    /// Building area (建筑面积) in hundredths of m²: what the maintenance fund counts (Order 165 Arts. 7 and 22). Null when
    /// the register does not give it (units registered before it was kept, imports without the column): it is never
    /// guessed, and a fund split that needs it is refused until it is entered.
    /// </summary>
    public long? BuildingAreaHundredths { get; private set; }
    /// <summary>The property ownership certificate number (不动产权证号), checked when a resident binds.</summary>
    public string? CertificateNumber { get; private set; }
    public Guid OwnerPartyId { get; private set; }
    public OwnerParty? OwnerParty { get; private set; }

    public void ChangeArea(long areaHundredths, AreaBasis basis, long? buildingAreaHundredths)
    {
        if (areaHundredths <= 0)
            throw new DomainRuleViolation("unit_area_invalid", "房屋专有面积必须大于 0");
        // The building area adds the unit's share of common parts to its exclusive area, so it cannot be smaller: a
        // smaller one is two columns swapped or a typing error, and would shift fund charges between households.
        if (buildingAreaHundredths < areaHundredths)
            throw new DomainRuleViolation("unit_building_area_below_exclusive",
                $"建筑面积（{Area.Format(buildingAreaHundredths.Value)} ㎡）不能小于专有面积（{Area.Format(areaHundredths)} ㎡）");
        ExclusiveAreaHundredths = areaHundredths;
        AreaBasis = basis;
        BuildingAreaHundredths = buildingAreaHundredths;
    }

    public void TransferTo(Guid ownerPartyId) => OwnerPartyId = ownerPartyId;
}
