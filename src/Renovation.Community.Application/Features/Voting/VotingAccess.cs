using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>Finds a vote the caller may see (404 otherwise) and the owner parties the caller may vote for.</summary>
public static class VotingAccess
{
    public static async Task<Vote> FindVisibleAsync(AppDbContext db, Access access, Guid voteId, CancellationToken ct,
        Permission permission = Permission.ViewCommunity, bool tracked = false)
    {
        var query = db.Votes.Include(v => v.Candidates).Where(v => v.Id == voteId);
        var vote = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct)
            ?? throw NotFound();
        try
        {
            await access.RequireAsync(vote.CommunityId, permission, ct);
        }
        catch (AppProblem p) when (p.Status == StatusCodes.Status404NotFound)
        {
            // An approved proxy need not live in the community, but may see the vote they cast in.
            var isProxy = permission == Permission.ViewCommunity && await db.ProxyAuthorizations.AnyAsync(x =>
                x.VoteId == voteId && x.ProxyUserId == access.UserId && x.Status == ProxyStatus.Approved, ct);
            if (!isProxy)
                throw NotFound();
        }
        return vote;
    }

    public static AppProblem NotFound() => AppProblem.NotFound("vote_not_found", "投票不存在");

    /// <summary>The parties that appointed the caller as their approved proxy in this vote.</summary>
    public static async Task<List<ElectorateParty>> ProxiedPartiesAsync(AppDbContext db, Guid userId, Guid voteId, CancellationToken ct)
    {
        var partyIds = await db.ProxyAuthorizations.AsNoTracking()
            .Where(p => p.VoteId == voteId && p.ProxyUserId == userId && p.Status == ProxyStatus.Approved)
            .Select(p => p.OwnerPartyId).ToListAsync(ct);
        return await db.ElectorateParties.AsNoTracking().Where(p => p.VoteId == voteId && partyIds.Contains(p.OwnerPartyId))
            .ToListAsync(ct);
    }

    public static async Task<ElectorateParty> RollEntryAsync(AppDbContext db, Guid voteId, Guid partyId, CancellationToken ct) =>
        await db.ElectorateParties.AsNoTracking().SingleOrDefaultAsync(p => p.VoteId == voteId && p.OwnerPartyId == partyId, ct)
        ?? throw new DomainRuleViolation("party_not_in_roll", "该业主不在本次投票的业主名册中");
}
