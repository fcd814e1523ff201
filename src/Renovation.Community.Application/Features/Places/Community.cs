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
