namespace Renovation.Community.Application.Features.Fund;

/// <summary>Maps the allocation routes: interest and common-part income credited to households, and each allocation's shares.</summary>
internal static class LedgerRoutes
{
    /// <summary>Under /communities/{communityId}/fund: allocate and list allocations.</summary>
    public static void MapUnderCommunity(RouteGroupBuilder communityFund)
    {
        communityFund.MapPost("/allocations", Allocations.AllocateAsync).WithName("AllocateFundIncome")
            .WithSummary("Credit interest (by balance) or common-part income (by exclusive area, or the area the settings choose) to the households of one account or of the community")
            .WithDescription("Committee only. accountId (optional) names the account that received the money; without it every household of the community shares it, each part posted to its own account (422 fund_account_not_found for another community's account). Whole fen by the largest-remainder method, so the parts sum exactly to the amount. One allocation per kind and reference (409 fund_allocation_exists). The answer lists every household's share (building, flat, the area or balance counted, fen); each ledger entry's referenceId is the allocation's id.");
        communityFund.MapGet("/allocations", Allocations.ListAsync).WithName("FundAllocations")
            .WithSummary("The community's interest and common-part income allocations, newest first")
            .WithDescription("Committee, street and city. Each allocation with its kind, reference, amount, households, the area it counted (null for interest) and the account. Paged; GET /fund/allocations/{allocationId}/shares lists its shares.");
    }

    /// <summary>Under /fund: the shares of one allocation.</summary>
    public static void MapUnderFund(RouteGroupBuilder fund)
    {
        fund.MapGet("/allocations/{allocationId:guid}/shares", Allocations.SharesAsync).WithName("FundAllocationShares")
            .WithSummary("Every household's share of one allocation")
            .WithDescription("Committee, street and city. By building and flat: the household, its unit, the area (common-part income) or balance (interest) the split counted, and the fen it got; 0 where the largest-remainder split gave it nothing. Paged; 404 fund_allocation_not_found outside the caller's communities.");
    }
}
