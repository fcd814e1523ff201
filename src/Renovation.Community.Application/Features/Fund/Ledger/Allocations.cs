using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Money;
using Renovation.Community.Application.Common.Paging;
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
/// <param name="AccountId">The account that received the money; null when every household of the community shared it.</param>
public sealed record AllocationView(Guid Id, string Kind, string Reference, long AmountFen, int Households, AreaKind? AreaBasis,
    Guid? AccountId, DateTimeOffset AllocatedAt);

/// <summary>An allocation and every household's share of it (the answer to POST …/fund/allocations).</summary>
public sealed record AllocationResult(Guid Id, string Kind, string Reference, long AmountFen, int Households, AreaKind? AreaBasis,
    Guid? AccountId, DateTimeOffset AllocatedAt, IReadOnlyList<AllocationShareView> Shares);

/// <summary>
/// One household's share: the weight the split counted (areaHundredths for common-part income, balanceFen for interest,
/// the other null) and the fen it got; a share of 0 posted no ledger entry.
/// </summary>
public sealed record AllocationShareView(Guid HouseholdId, Guid UnitId, string Building, string Unit, long? AreaHundredths,
    long? BalanceFen, long AmountFen);

/// <summary>
/// Credits interest (by balance) or common-part income (by exclusive area, or the area the owners' rules chose) to the households of one account or of the whole
/// community, in whole fen by largest remainder; each part posts to its household's own account. The allocation and every
/// household's share are kept, and each ledger entry names the allocation (its referenceId).
/// </summary>
public static class Allocations
{
    public static async Task<Ok<AllocationResult>> AllocateAsync(Guid communityId, AllocateRequest request, Access access,
        AppDbContext db, FundLedger ledger, TimeProvider clock, CancellationToken ct)
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
        return TypedResults.Ok(await db.InTransactionAsync(async c =>
        {
            // Lock the community's accounts (one statement, the same order as a works charge) before reading balances, so
            // the weights are the balances the entries will follow.
            await db.FundAccounts.Where(a => a.CommunityId == communityId).ExecuteUpdateAsync(s => s.SetProperty(a => a.EntryCount, a => a.EntryCount), c);
            var households = await (from h in db.FundHouseholds.AsNoTracking()
                                    where h.CommunityId == communityId && (request.AccountId == null || h.AccountId == request.AccountId)
                                    join u in db.Units on h.UnitId equals u.Id
                                    orderby h.Id
                                    select new { h.Id, h.BalanceFen, h.UnitId, Building = u.Building!.Name, u.Number }).ToListAsync(c);
            var areas = areaKind is { } weighBy ? await SplitAreas.OfAsync(db, households.Select(h => h.Id).ToList(), weighBy, c) : null;
            var weights = households.Select(h => areas is null ? h.BalanceFen : areas[h.Id]).ToList();
            if (weights.Sum() == 0)
                throw new DomainRuleViolation("fund_allocation_no_weight", "没有可按比例分配的分户（余额或面积均为 0）");
            var parts = LargestRemainder.Split(request.AmountFen, weights);
            var allocation = new FundAllocation(communityId, request.AccountId, request.Kind, reference, request.AmountFen, areaKind,
                households.Count, access.UserId, clock.GetUtcNow());
            db.FundAllocations.Add(allocation);
            var kind = request.Kind == AllocationKind.Interest ? FundEntryKind.Interest : FundEntryKind.CommonPartIncome;
            var memo = (areaKind is { } k ? $"公共收益分配（按{SplitAreas.Chinese(k)}）" : "利息分配（按余额）") + "：" + reference;
            var shares = new List<AllocationShareView>();
            for (var i = 0; i < households.Count; i++)
            {
                var h = households[i];
                var share = new FundAllocationShare(allocation.Id, h.Id, h.UnitId, areas is null ? null : weights[i],
                    areas is null ? weights[i] : null, parts[i]);
                db.FundAllocationShares.Add(share);
                shares.Add(ShareView(share, h.Building, h.Number));
                if (parts[i] > 0)
                    await ledger.PostAsync(new FundPosting(h.Id, kind, parts[i], $"alloc:{request.Kind}:{reference}:{h.Id}",
                        memo, ReferenceId: allocation.Id, PostedBy: access.UserId), c);
            }
            await db.SaveOrAnswerAsync(Repeated, c);
            var view = View(allocation);
            return new AllocationResult(view.Id, view.Kind, view.Reference, view.AmountFen, view.Households, view.AreaBasis,
                view.AccountId, view.AllocatedAt,
                shares.OrderBy(s => s.Building, StringComparer.Ordinal).ThenBy(s => s.Unit, StringComparer.Ordinal).ToList());
        }, ct));
    }

    /// <summary>The community's allocations, newest first. Paged.</summary>
    public static async Task<Ok<Page<AllocationView>>> ListAsync(Guid communityId, [AsParameters] PageRequest page, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewFund, ct);
        var rows = await db.FundAllocations.AsNoTracking().Where(a => a.CommunityId == communityId)
            .OrderByDescending(a => a.AllocatedAt).ThenByDescending(a => a.Id).ToPageAsync(page, ct);
        return TypedResults.Ok(new Page<AllocationView>(rows.Items.Select(View).ToList(), rows.PageNumber, rows.PageSize, rows.Total));
    }

    /// <summary>Every household's share of one allocation, by building and flat. Paged.</summary>
    public static async Task<Ok<Page<AllocationShareView>>> SharesAsync(Guid allocationId, [AsParameters] PageRequest page, Access access,
        AppDbContext db, CancellationToken ct)
    {
        AppProblem NotFound() => AppProblem.NotFound("fund_allocation_not_found", "没有这笔收益分配");
        var communityId = await db.FundAllocations.Where(a => a.Id == allocationId).Select(a => (Guid?)a.CommunityId)
            .SingleOrDefaultAsync(ct) ?? throw NotFound();
        await access.RequireAsync(communityId, Permission.ViewFund, ct, NotFound);
        return TypedResults.Ok(await (from s in db.FundAllocationShares.AsNoTracking()
                                      where s.AllocationId == allocationId
                                      join u in db.Units on s.UnitId equals u.Id
                                      orderby u.Building!.Name, u.Number, s.HouseholdId
                                      select new AllocationShareView(s.HouseholdId, s.UnitId, u.Building!.Name, u.Number, s.AreaHundredths,
                                          s.BalanceFen, s.AmountFen)).ToPageAsync(page, ct));
    }

    private static AllocationView View(FundAllocation a) => new(a.Id, a.Kind.ToString(), a.Reference, a.AmountFen, a.Households,
        a.AreaBasis, a.AccountId, a.AllocatedAt);

    private static AllocationShareView ShareView(FundAllocationShare s, string building, string unit) => new(s.HouseholdId, s.UnitId,
        building, unit, s.AreaHundredths, s.BalanceFen, s.AmountFen);
}
