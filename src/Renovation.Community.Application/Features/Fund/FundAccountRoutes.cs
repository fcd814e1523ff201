using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>Maps the routes of the fund itself: opening it, reading accounts and households, area settings, opening balances, corrections, my fund and a unit's ledger.</summary>
internal static class FundAccountRoutes
{
    /// <summary>Under /communities/{communityId}/fund: open, read, settings, opening balances and corrections.</summary>
    public static void MapUnderCommunity(RouteGroupBuilder communityFund)
    {
        communityFund.MapPost("/", FundAdmin.OpenAsync).WithName("OpenFund")
            .WithSummary("Open the community's maintenance fund: one account, or one account per building")
            .WithDescription("Committee only. mode=Community (default) creates the community's one account; mode=PerBuilding one account per building (按幢立账、按户核算, Order 165 Art. 10). Every unit gets a household sub-ledger (分户账) in its account. Opening again is 409 fund_exists (also when requests race, in either mode); PerBuilding without buildings is 422 fund_no_buildings.");
        communityFund.MapGet("/", FundQueries.AccountAsync).WithName("GetFund")
            .WithSummary("The community's fund: its accounts, each with the sum of its household balances, and the totals")
            .WithDescription("Committee, street and city. accounts lists the one account, or each building's account; for each, balanceFen and householdsSumFen are read in one statement and are always equal. The top-level figures are the sums over the accounts.");
        communityFund.MapGet("/households", FundQueries.HouseholdsAsync).WithName("FundHouseholds")
            .WithSummary("Every household's initial deposit, balance, 30% flag and what it owes")
            .WithDescription("Committee, street and city. lowOnly=true lists only households below the low-balance threshold (strictly below 30% by default).");
        communityFund.MapGet("/settings", FundAreaSettings.GetAsync).WithName("GetFundSettings")
            .WithSummary("Which area the community's fund splits count by")
            .WithDescription("Everyone who may see the community. chargesArea (initial deposits per m², per-m² top-ups, works charges; the law: Building, Order 165 Arts. 7 and 22) and commonIncomeArea (the law: Exclusive, Civil Code Art. 283); votesArea is always Exclusive (Art. 278).");
        communityFund.MapPut("/settings", FundAreaSettings.ChangeAsync).WithName("ChangeFundSettings").RetryWhenRaceLost()
            .WithSummary("Record the area the owners' rules chose for fund charges and for common-part income")
            .WithDescription("Committee only. Both fields are required (Building or Exclusive). Splits made before the change keep the area they used (areaBasis on each).");
        communityFund.MapPost("/opening/computed", FundAdmin.ComputeDepositsAsync).WithName("ComputeFundDeposits")
            .WithSummary("Post initial deposits computed as a rate per m² × building area (or the area the community's settings choose)")
            .WithDescription("Committee only, once per account (409 fund_opening_done when every account is opened): each household's initial deposit is round(area × rate) in fen and is posted as a deposit entry. The area is the building area unless the fund settings say otherwise (areaBasis in the answer); a unit without a registered building area is 422 unit_building_area_missing and nothing is posted.");
        communityFund.MapPost("/opening/import", FundAdmin.ImportAsync).WithName("ImportFundOpening")
            .WithSummary("Import opening balances and initial deposits per unit from CSV (UTF-8 or GB18030) or .xlsx; all rows or nothing")
            .WithDescription("Committee only, once per account. The file is the body (text/csv or the .xlsx media type), read like the register import. Header: building,unit,opening_balance_yuan,initial_deposit_yuan (or 楼栋,房号,期初余额,首期交存). Any bad row refuses the whole file with 422 fund_import_invalid and every row error (line = spreadsheet row).");
        communityFund.MapPost("/corrections", FundAdmin.CorrectAsync).WithName("CorrectFundEntry")
            .WithSummary("Post a correction naming the entry it corrects")
            .WithDescription("Committee only. Entries are never changed: a correction is a new signed entry on the same household that names the corrected one.");
    }

    /// <summary>Under /fund: the caller's households.</summary>
    public static void MapUnderFund(RouteGroupBuilder fund)
    {
        fund.MapGet("/mine", FundQueries.MineAsync).WithName("MyFund")
            .WithSummary("The caller's households: balance, flag, and what they owe with the purpose and subject to pay it")
            .WithDescription("Residents. Each owing line names purpose (fund-top-up or fund-due) and subjectId for POST /payments, and payNowFen, what one payment takes: a top-up with a schedule is paid one instalment at a time, earliest first (instalments lists each one's due date, amount, paid and outstanding).");
    }

    /// <summary>A unit's household sub-ledger.</summary>
    public static void MapUnitLedger(RouteGroupBuilder api)
    {
        api.MapGet("/units/{unitId:guid}/fund-ledger", FundQueries.UnitLedgerAsync).WithTags("Fund").WithName("UnitFundLedger")
            .WithSummary("A unit's household sub-ledger with every entry")
            .WithDescription("The unit's bound residents, and the committee, street and city of its community.");
    }
}
