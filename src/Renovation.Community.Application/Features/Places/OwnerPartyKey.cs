using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Renovation.Community.Application.Features.Places;

/// <summary>
/// The stable identity of an owner party within a community, so that a second import (another file, another day) of a
/// unit of the same owner joins the existing party instead of creating a second voter. The key is the SHA-256 (hex) of
/// the party's kind and its members' normalised names with their ID suffixes, in name order; names are normalised by
/// Unicode NFKC (full-width letters and digits become half-width), removal of all white space and lower case, so
/// "张 三" and "张三" are the same owner. A developer is keyed by kind and name. A party holds one or more keys: a merge
/// moves the merged party's keys to the party it joins, so the next import of the old spelling joins too.
/// </summary>
public sealed class OwnerPartyKey
{
    private OwnerPartyKey() { }

    public OwnerPartyKey(Guid communityId, string key, Guid ownerPartyId)
    {
        CommunityId = communityId;
        Key = key;
        OwnerPartyId = ownerPartyId;
    }

    public Guid CommunityId { get; private set; }
    public string Key { get; private set; } = "";
    public Guid OwnerPartyId { get; private set; }

    public void MoveTo(Guid ownerPartyId) => OwnerPartyId = ownerPartyId;

    public static string For(OwnerPartyKind kind, IEnumerable<(string Name, string? IdLast4)> members)
    {
        var canonical = kind.ToString().ToLowerInvariant() + "|" + string.Join("|", members
            .Select(m => Normalise(m.Name) + "#" + (kind == OwnerPartyKind.Developer ? "" : (m.IdLast4 ?? "").Trim().ToUpperInvariant()))
            .Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static string For(OwnerParty party) => For(party.Kind, party.Members.Select(m => (m.Name, m.IdLast4)));

    /// <summary>Whether two (name, ID suffix) pairs are the same member as the key sees them.</summary>
    public static bool SameMember(OwnerPartyKind kind, string name, string? idLast4, string otherName, string? otherIdLast4) =>
        Normalise(name) == Normalise(otherName) && (kind == OwnerPartyKind.Developer
            || string.Equals((idLast4 ?? "").Trim(), (otherIdLast4 ?? "").Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Normalise(string name) =>
        new string(name.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray())
            .ToLower(CultureInfo.InvariantCulture);
}
