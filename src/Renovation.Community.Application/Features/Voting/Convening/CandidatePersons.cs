using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// Finds the persons an election names: a party member (<c>partyMemberId</c>), the one owner of a personal party
/// (<c>ownerPartyId</c>), or a registered user with an approved binding in the community (<c>userId</c>; a user whose
/// binding matched the register is that registered owner, so naming them both ways is naming one person twice).
/// </summary>
public static class CandidatePersons
{
    public static async Task<List<CandidatePerson>> ResolveAsync(AppDbContext db, Guid communityId,
        IReadOnlyList<CandidateRequest> requests, CancellationToken ct)
    {
        var persons = new List<CandidatePerson>();
        foreach (var (request, i) in requests.Select((r, i) => (r, i)))
            persons.Add(await ResolveAsync(db, communityId, request, i, ct));
        return persons;
    }

    private static async Task<CandidatePerson> ResolveAsync(AppDbContext db, Guid communityId, CandidateRequest request, int index,
        CancellationToken ct)
    {
        AppProblem NotFound() => AppProblem.NotFound("candidate_not_found",
            $"第 {index + 1} 位候选人不是本小区登记的业主或已认证的住户").With("candidate", index);
        if (request.UserId is { } userId)
        {
            var bindings = await db.ApprovedBindings().AsNoTracking()
                .Where(b => b.UserId == userId && b.CommunityId == communityId)
                .OrderBy(b => b.DecidedAt).ThenBy(b => b.Id)
                .Select(b => new { b.UnitId, b.ClaimedName, b.IdLast4, b.MatchesRegister }).ToListAsync(ct);
            if (bindings.Count == 0)
                throw NotFound();
            foreach (var b in bindings.Where(b => b.MatchesRegister))
            {
                var partyId = await db.Units.Where(u => u.Id == b.UnitId).Select(u => u.OwnerPartyId).SingleAsync(ct);
                var member = await db.PartyMembers.AsNoTracking()
                    .Where(m => m.OwnerPartyId == partyId && m.Name == b.ClaimedName && m.IdLast4 == b.IdLast4)
                    .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
                if (member is { } memberId)
                    return await MemberAsync(db, communityId, memberId, index, ct) ?? throw NotFound();
            }
            var first = bindings[0];
            var name = first.ClaimedName.Trim();
            return new CandidatePerson(CandidatePerson.KeyOf(name, first.IdLast4, $"user:{userId}"), name,
                await FlatAsync(db, [first.UnitId], ct), first.IdLast4, null, userId);
        }
        if (request.PartyMemberId is { } id)
            return await MemberAsync(db, communityId, id, index, ct) ?? throw NotFound();
        var party = await db.OwnerParties.AsNoTracking().Include(p => p.Members)
            .SingleOrDefaultAsync(p => p.Id == request.OwnerPartyId && p.CommunityId == communityId, ct) ?? throw NotFound();
        if (party.Kind != OwnerPartyKind.Person)
            throw new DomainRuleViolation("candidate_not_a_person",
                $"第 {index + 1} 位候选人是共有业主或建设单位，请改为指定其中一名权利人（partyMemberId）").With("candidate", index);
        return await MemberAsync(db, communityId, party.Members[0].Id, index, ct) ?? throw NotFound();
    }

    /// <summary>A member of a personal or co-owner party of the community (the developer is no person to elect).</summary>
    private static async Task<CandidatePerson?> MemberAsync(AppDbContext db, Guid communityId, Guid memberId, int index, CancellationToken ct)
    {
        var member = await (from m in db.PartyMembers.AsNoTracking()
                            join p in db.OwnerParties on m.OwnerPartyId equals p.Id
                            where m.Id == memberId && p.CommunityId == communityId
                            select new { m.Id, m.Name, m.IdLast4, p.Kind, PartyId = p.Id }).SingleOrDefaultAsync(ct);
        if (member is null)
            return null;
        if (member.Kind == OwnerPartyKind.Developer)
            throw new DomainRuleViolation("candidate_not_a_person", $"第 {index + 1} 位候选人是建设单位，不能作为业主委员会委员候选人")
                .With("candidate", index);
        var units = await db.Units.Where(u => u.OwnerPartyId == member.PartyId).Select(u => u.Id).ToListAsync(ct);
        return new CandidatePerson(CandidatePerson.KeyOf(member.Name, member.IdLast4, $"member:{member.Id}"), member.Name,
            await FlatAsync(db, units, ct), member.IdLast4, member.Id, null);
    }

    /// <summary>"1幢 101", or "1幢 101 等 2 套" for an owner of several units.</summary>
    private static async Task<string?> FlatAsync(AppDbContext db, IReadOnlyCollection<Guid> unitIds, CancellationToken ct)
    {
        var flats = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .OrderBy(u => u.Building!.Name).ThenBy(u => u.Number)
            .Select(u => u.Building!.Name + " " + u.Number).ToListAsync(ct);
        if (flats.Count == 0)
            return null;
        var flat = flats.Count == 1 ? flats[0] : $"{flats[0]} 等 {flats.Count} 套";
        return flat.Length > CandidatePerson.MaxFlat ? flat[..CandidatePerson.MaxFlat] : flat;
    }
}
