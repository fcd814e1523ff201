using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Places;

/// <summary>A property services company (物业服务企业).</summary>
public sealed class PropertyCompany : IAudited
{
    private PropertyCompany() { }

    public PropertyCompany(string name)
    {
        Id = Ids.New();
        Name = name.Trim();
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
}
