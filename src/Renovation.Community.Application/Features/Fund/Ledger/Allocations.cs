using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Money;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

public enum AllocationKind
{
    /// <summary>Bank interest, credited in proportion to each household's balance.</summary>
    Interest = 0,
    /// <summary>Income from common parts (advertising, parking …), credited in proportion to exclusive area (Civil Code Art. 283) unless the owners' rules chose the building area.</summary>
    CommonPartIncome = 1,
}

/// <param name="Reference">The bank slip or income record number; one allocation per kind and reference (409 on a repeat).</param>
/// <param name="AccountId">
/// The account that received the money (per-building accounts: the bank credits interest per account, and income from one
/// building's common parts belongs to that building's owners). Absent: every household of the community shares it.
/// </param>
public sealed record AllocateRequest(AllocationKind Kind, long AmountFen, string Reference, Guid? AccountId = null) : IValidatable
{
    public void Validate(Validator v) => v.Range(AmountFen, 1, 100_000_000_000, "amountFen", "金额应大于 0")
        .Text(Reference, "reference", "凭证号", 40);
}

/// <param name="AreaBasis">The area common-part income was split by (Exclusive by law, Civil Code Art. 283); null for interest, which is split by balance.</param>
public sealed record AllocationResult(string Kind, string Reference, long AmountFen, int Households, AreaKind? AreaBasis);

/// <summary>
/// Credits interest (by balance) or common-part income (by exclusive area, or the area the owners' rules chose) to the households of one account or of the whole
/// community, in whole fen by largest remainder; each part posts to its household's own account.
/// </summary>
public static class Allocations
{
    public static async Task<Ok<AllocationResult>> AllocateAsync(Guid communityId, AllocateRequest request, Access access,
        AppDbContext db, FundLedger ledger, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.RunFund, ct);
        await FundQueries.RequireOpenedAsync(communityId, db, ct);
        if (request.AccountId is { } accountId
            && !await db.FundAccounts.AnyAsync(a => a.Id == accountId && a.CommunityId == communityId, ct))
            throw new DomainRuleViolation("fund_account_not_found", "该小区没有这个维修资金账户");
        var reference = request.Reference.Trim();
        AppProblem Repeated() => AppProblem.Conflict("fund_allocation_exists", "该凭证已经分配过");
        AreaKind? areaKind = request.Kind == AllocationKind.Interest ? null
            : await SplitAreas.KindAsync(db, communityId, SplitPurpose.CommonIncome, ct);
        var count = await db.InTransactionAsync(async c =>
        {
            // Lock the community's accounts (one statement, the same order as a works charge) before reading balances, so
            // the weights are the balances the entries will follow.
            await db.FundAccounts.Where(a => a.CommunityId == communityId).ExecuteUpdateAsync(s => s.SetProperty(a => a.EntryCount, a => a.EntryCount), c);
            var households = await db.FundHouseholds.AsNoTracking()
                .Where(h => h.CommunityId == communityId && (request.AccountId == null || h.AccountId == request.AccountId))
                .OrderBy(h => h.Id).Select(h => new { h.Id, h.BalanceFen }).ToListAsync(c);
            var areas = areaKind is { } weighBy ? await SplitAreas.OfAsync(db, households.Select(h => h.Id).ToList(), weighBy, c) : null;
            var weights = households.Select(h => areas is null ? h.BalanceFen : areas[h.Id]).ToList();
            if (weights.Sum() == 0)
                throw new DomainRuleViolation("fund_allocation_no_weight", "没有可按比例分配的分户（余额或面积均为 0）");
            var parts = LargestRemainder.Split(request.AmountFen, weights);
            var kind = request.Kind == AllocationKind.Interest ? FundEntryKind.Interest : FundEntryKind.CommonPartIncome;
            var memo = (areaKind is { } k ? $"公共收益分配（按{SplitAreas.Chinese(k)}）" : "利息分配（按余额）") + "：" + reference;
            for (var i = 0; i < households.Count; i++)
                if (parts[i] > 0)
                    await ledger.PostAsync(new FundPosting(households[i].Id, kind, parts[i], $"alloc:{request.Kind}:{reference}:{households[i].Id}",
                        memo, PostedBy: access.UserId), c);
            await db.SaveOrAnswerAsync(Repeated, c);
            return households.Count;
        }, ct);
        return TypedResults.Ok(new AllocationResult(request.Kind.ToString(), reference, request.AmountFen, count, areaKind));
    }
}
