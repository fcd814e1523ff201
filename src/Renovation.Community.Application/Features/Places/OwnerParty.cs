using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Places;

public enum OwnerPartyKind
{
    /// <summary>One natural or legal person; may hold several units and still counts once.</summary>
    Person = 0,
    /// <summary>Registered co-owners of the same units; they count as one owner.</summary>
    CoOwners = 1,
    /// <summary>The developer's unsold or not handed-over units, counted together as one owner.</summary>
    Developer = 2,
}

/// <summary>
/// The voter under 法释〔2009〕7号: the person or registered co-owner group that holds one or more units of a
/// community. Head counts count parties, areas sum their units.
/// </summary>
public sealed class OwnerParty : IAudited
{
    private readonly List<PartyMember> _members = [];
    private readonly List<OwnerPartyKey> _keys = [];

    private OwnerParty() { }

    public OwnerParty(Guid communityId, OwnerPartyKind kind, string name, IEnumerable<(string Name, string? IdLast4)> members)
    {
        Id = Ids.New();
        CommunityId = communityId;
        Kind = kind;
        DeveloperSlot = kind == OwnerPartyKind.Developer ? true : null;
        Name = name.Trim();
        foreach (var (memberName, idLast4) in members)
            _members.Add(new PartyMember(Id, memberName, idLast4));
        CheckMembers();
        _keys.Add(new OwnerPartyKey(communityId, OwnerPartyKey.For(this), Id));
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public OwnerPartyKind Kind { get; private set; }
    /// <summary>How the party is shown, e.g. "张三" or "张三、李四".</summary>
    public string Name { get; private set; } = "";
    public IReadOnlyList<PartyMember> Members => _members;
    /// <summary>True for the developer party, NULL for any other: a unique index over (community, slot) lets each
    /// community hold one developer party however many requests or imports race to create it.</summary>
    public bool? DeveloperSlot { get; private set; }
    /// <summary>The import keys that identify this party (<see cref="OwnerPartyKey"/>); a merge adds the merged party's.</summary>
    public IReadOnlyList<OwnerPartyKey> Keys => _keys;

    /// <summary>
    /// Takes over a duplicate party's keys (its units are moved by the caller), so that later imports under either
    /// spelling join this party. The duplicate is then empty and is removed.
    /// </summary>
    public void Absorb(OwnerParty duplicate)
    {
        if (duplicate.Id == Id || duplicate.CommunityId != CommunityId)
            throw new DomainRuleViolation("party_merge_invalid", "只能把同一小区的另一个业主合并到此业主");
        foreach (var key in duplicate._keys.ToList())
        {
            duplicate._keys.Remove(key);
            key.MoveTo(Id);
            _keys.Add(key);
        }
    }

    /// <summary>Gives a party registered before keys existed its key (a no-op once it has one).</summary>
    public void EnsureKeyed()
    {
        if (_keys.Count == 0)
            _keys.Add(new OwnerPartyKey(CommunityId, OwnerPartyKey.For(this), Id));
    }

    private void CheckMembers()
    {
        switch (Kind)
        {
            case OwnerPartyKind.Person when _members.Count != 1:
                throw new DomainRuleViolation("party_members_invalid", "个人业主必须且只能登记一名权利人");
            case OwnerPartyKind.CoOwners when _members.Count < 2:
                throw new DomainRuleViolation("party_members_invalid", "共有业主至少登记两名共有人");
        }
    }
}
