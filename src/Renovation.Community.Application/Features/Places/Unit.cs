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
        string? certificateNumber, Guid ownerPartyId)
    {
        Id = Ids.New();
        CommunityId = communityId;
        BuildingId = buildingId;
        Number = number.Trim();
        CertificateNumber = string.IsNullOrWhiteSpace(certificateNumber) ? null : certificateNumber.Trim();
        ChangeArea(areaHundredths, basis);
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
    /// <summary>The property ownership certificate number (不动产权证号), checked when a resident binds.</summary>
    public string? CertificateNumber { get; private set; }
    public Guid OwnerPartyId { get; private set; }
    public OwnerParty? OwnerParty { get; private set; }

    public void ChangeArea(long areaHundredths, AreaBasis basis)
    {
        if (areaHundredths <= 0)
            throw new DomainRuleViolation("unit_area_invalid", "房屋专有面积必须大于 0");
        ExclusiveAreaHundredths = areaHundredths;
        AreaBasis = basis;
    }

    public void TransferTo(Guid ownerPartyId) => OwnerPartyId = ownerPartyId;
}
