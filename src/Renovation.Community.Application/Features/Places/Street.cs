using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Places;

/// <summary>A street office (街道) within a district.</summary>
public sealed class Street : IAudited
{
    private Street() { }

    public Street(Guid districtId, string name)
    {
        Id = Ids.New();
        DistrictId = districtId;
        Name = name.Trim();
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public District? District { get; private set; }
    public string Name { get; private set; } = "";

    public void Rename(string name) => Name = name.Trim();
}
