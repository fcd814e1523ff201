using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Places;

/// <summary>
/// A residential community (小区): the scope of votes, the fund and most permissions. Named so to stay clear of the
/// <c>Renovation.Community</c> namespace.
/// </summary>
public sealed class ResidentialCommunity : IAudited
{
    private ResidentialCommunity() { }

    public ResidentialCommunity(Guid streetId, string name, string address, int? builtYear)
    {
        Id = Ids.New();
        StreetId = streetId;
        Update(name, address, builtYear);
    }

    public Guid Id { get; private set; }
    public Guid StreetId { get; private set; }
    public Street? Street { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public int? BuiltYear { get; private set; }
    /// <summary>The property company serving the community, if any (物业服务企业).</summary>
    public Guid? PropertyCompanyId { get; private set; }

    public void Update(string name, string address, int? builtYear)
    {
        Name = name.Trim();
        Address = address.Trim();
        BuiltYear = builtYear;
    }

    public void AssignPropertyCompany(Guid? companyId) => PropertyCompanyId = companyId;
}

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
