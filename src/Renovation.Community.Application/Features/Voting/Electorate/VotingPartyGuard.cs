using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Register;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// An open vote's roll is frozen with its parties: merging or removing one of them while ballots are cast would leave
/// ballots of a party that no longer exists and a head count that no longer matches the register.
/// </summary>
public sealed class VotingPartyGuard(AppDbContext db) : IOwnerPartyGuard
{
    public async Task<AppProblem?> RefuseChangeAsync(IReadOnlyCollection<Guid> partyIds, CancellationToken ct)
    {
        var open = await (
            from r in db.ElectorateParties.AsNoTracking()
            join v in db.Votes on r.VoteId equals v.Id
            where partyIds.Contains(r.OwnerPartyId) && v.State == VoteState.Open
            select v.Title).FirstOrDefaultAsync(ct);
        return open is null ? null
            : AppProblem.Conflict("party_in_open_vote", $"该业主在进行中的表决“{open}”的名册中，表决结束后才能合并或删除");
    }
}
