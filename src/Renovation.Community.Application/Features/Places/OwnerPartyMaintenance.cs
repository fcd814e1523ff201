using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Register;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Places;

/// <param name="Reason">Why the two parties are one owner (required: 422 <c>merge_reason_required</c> without it).</param>
public sealed record MergeOwnerParty(Guid IntoPartyId, string? Reason) : IValidatable
{
    public void Validate(Validator v) => v.NotEmpty(IntoPartyId, "intoPartyId", "要并入的业主")
        .Text(Reason, "reason", "合并理由", OwnerPartyMerge.MaxReason, required: false);
}

/// <summary>The party after the merge, and the merge as recorded (with its reason).</summary>
public sealed record PartyMergeView(Guid MergeId, PartyView Party, Guid MergedPartyId, string MergedPartyName, int UnitsMoved,
    string Reason, Guid MergedBy, DateTimeOffset MergedAt);

/// <summary>
/// Keeps the register's head count true: one owner registered twice (a typo, two spellings, two files before the
/// party key existed) is merged into one party, and a party left without units is removed. Both are audited through
/// the entities (units' owner changes, the removed party) and refused while a feature holds the parties in a running
/// process (<see cref="IOwnerPartyGuard"/>: an open vote's frozen roll).
/// </summary>
public static class OwnerPartyMaintenance
{
    public static void MapOwnerPartyMaintenance(this RouteGroupBuilder api)
    {
        var party = api.MapGroup("/owner-parties/{id:guid}").WithTags("Register");
        party.MapPost("/merge", MergeAsync).WithName("MergeOwnerParty")
            .WithSummary("Merge a duplicate owner party into another one of the same community")
            .WithDescription("Moves every unit and import key of the party `{id}` to `intoPartyId` and removes `{id}`. Both must be of " +
                "the same kind. A `reason` is required (422 `merge_reason_required`); it is kept with the merge, audited and " +
                "returned. Refused with 409 `party_in_open_vote` while either party is on the roll of an open vote. " +
                "Committee members, the street and the city may merge; each change is audited.");
        party.MapDelete("", RemoveAsync).WithName("RemoveOwnerParty")
            .WithSummary("Remove an owner party that holds no unit")
            .WithDescription("Refused with 409 `owner_party_not_empty` while the party holds a unit, and with 409 `party_in_open_vote` " +
                "while it is on the roll of an open vote. Audited.");
    }

    private static async Task<Ok<PartyMergeView>> MergeAsync(Guid id, MergeOwnerParty request, Access access, AppDbContext db,
        IEnumerable<IOwnerPartyGuard> guards, TimeProvider clock, CancellationToken ct)
    {
        var duplicate = await FindAsync(db, id, ct);
        await access.RequireAsync(duplicate.CommunityId, Permission.MaintainOwnerParties, ct, NotFound);
        // The merged party disappears from the register and its head count: someone answers for why.
        if (string.IsNullOrWhiteSpace(request.Reason))
            throw new DomainRuleViolation("merge_reason_required", "合并业主会减少业主人数，须填写合并理由 reason（例如：同一人姓名录入有误）");
        if (request.IntoPartyId == id)
            throw new DomainRuleViolation("party_merge_invalid", "intoPartyId 不能是被合并的业主自己");
        var target = await db.OwnerParties.Include(p => p.Keys).Include(p => p.Members).AsSplitQuery()
                .SingleOrDefaultAsync(p => p.Id == request.IntoPartyId && p.CommunityId == duplicate.CommunityId, ct)
            ?? throw AppProblem.NotFound("owner_party_not_found", "intoPartyId：该小区没有这个业主");
        if (target.Kind != duplicate.Kind)
            throw new DomainRuleViolation("party_merge_kind_mismatch",
                $"只能合并同一类型的业主：{duplicate.Name} 是 {duplicate.Kind}，{target.Name} 是 {target.Kind}");
        await RequireUnheldAsync(guards, [duplicate.Id, target.Id], ct);

        duplicate.EnsureKeyed();
        target.EnsureKeyed();
        var units = await db.Units.Where(u => u.OwnerPartyId == duplicate.Id).ToListAsync(ct);
        foreach (var unit in units)
            unit.TransferTo(target.Id);
        target.Absorb(duplicate);
        var merge = new OwnerPartyMerge(duplicate, target, units.Count, request.Reason, access.UserId, clock.GetUtcNow());
        db.OwnerPartyMerges.Add(merge);
        db.OwnerParties.Remove(duplicate);
        // Two merges of the same party race to remove it: the loser is told what it would be told one at a time.
        await db.SaveOrAnswerAsync(NotFound, ct);

        var held = await db.Units.AsNoTracking().Where(u => u.OwnerPartyId == target.Id)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Area = g.Sum(u => u.ExclusiveAreaHundredths) }).SingleOrDefaultAsync(ct);
        var party = new PartyView(target.Id, target.Kind, target.Name,
            target.Members.Select(m => new PartyMemberInput(m.Name, m.IdLast4)).ToList(), held?.Count ?? 0, held?.Area ?? 0);
        return TypedResults.Ok(new PartyMergeView(merge.Id, party, merge.MergedPartyId, merge.MergedPartyName, merge.UnitsMoved,
            merge.Reason, merge.MergedBy, merge.MergedAt));
    }

    private static async Task<NoContent> RemoveAsync(Guid id, Access access, AppDbContext db, IEnumerable<IOwnerPartyGuard> guards,
        CancellationToken ct)
    {
        var party = await FindAsync(db, id, ct);
        await access.RequireAsync(party.CommunityId, Permission.MaintainOwnerParties, ct, NotFound);
        if (await db.Units.AnyAsync(u => u.OwnerPartyId == id, ct))
            throw AppProblem.Conflict("owner_party_not_empty", "该业主名下还有房屋，不能删除；请先把房屋转给其他业主或合并业主");
        await RequireUnheldAsync(guards, [id], ct);
        db.OwnerParties.Remove(party);
        await db.SaveOrAnswerAsync(NotFound, ct);
        return TypedResults.NoContent();
    }

    private static async Task<OwnerParty> FindAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.OwnerParties.Include(p => p.Keys).Include(p => p.Members).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct)
        ?? throw NotFound();

    private static AppProblem NotFound() => AppProblem.NotFound("owner_party_not_found", "业主不存在");

    private static async Task RequireUnheldAsync(IEnumerable<IOwnerPartyGuard> guards, Guid[] partyIds, CancellationToken ct)
    {
        foreach (var guard in guards)
        {
            if (await guard.RefuseChangeAsync(partyIds, ct) is { } problem)
                throw problem;
        }
    }
}
