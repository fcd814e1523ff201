namespace Renovation.Community.Application.Features.Fund;

/// <summary>The maintenance fund's routes, mapped by each capability in the order they are published in the OpenAPI document.</summary>
public static class FundApi
{
    public static RouteGroupBuilder MapFundApi(this RouteGroupBuilder api)
    {
        var communityFund = api.MapGroup("/communities/{communityId:guid}/fund").WithTags("Fund");
        FundAccountRoutes.MapUnderCommunity(communityFund);
        TopUpRoutes.MapUnderCommunity(communityFund);
        LedgerRoutes.MapUnderCommunity(communityFund);
        StatementRoutes.MapUnderCommunity(communityFund);
        WorksRoutes.MapUnderCommunity(communityFund);

        var fund = api.MapGroup("/fund").WithTags("Fund");
        FundAccountRoutes.MapUnderFund(fund);
        LedgerRoutes.MapUnderFund(fund);
        TopUpRoutes.MapUnderFund(fund);
        WorksRoutes.MapUnderFund(fund);
        StatementRoutes.MapUnderFund(fund);

        FundAccountRoutes.MapUnitLedger(api);
        return api;
    }
}
