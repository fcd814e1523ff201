using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Places;

/// <summary>A registered owner within a party; binding requests are checked against name and ID suffix.</summary>
public sealed class PartyMember
{
    private PartyMember() { }

    public PartyMember(Guid ownerPartyId, string name, string? idLast4)
    {
        Id = Ids.New();
        OwnerPartyId = ownerPartyId;
        Name = name.Trim();
        IdLast4 = string.IsNullOrWhiteSpace(idLast4) ? null : idLast4.Trim().ToUpperInvariant();
    }

    public Guid Id { get; private set; }
    public Guid OwnerPartyId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Only the last four characters of the ID number are kept: enough to check a claim, not to identify.</summary>
    public string? IdLast4 { get; private set; }
    /// <summary>
    /// The contact phone from the register (联系电话), normalised by <see cref="Common.Privacy.ContactPhone"/>. It belongs to the person,
    /// not the unit: an owner of three flats has one phone, and each co-owner has their own. Never shown in full in a list.
    /// </summary>
    public string? ContactPhone { get; private set; }

    /// <summary>Keeps the phone the latest register gives (a normalised one; see <see cref="Common.Privacy.ContactPhone"/>).</summary>
    public void ChangeContactPhone(string? phone) => ContactPhone = string.IsNullOrWhiteSpace(phone) ? null : phone;
}
