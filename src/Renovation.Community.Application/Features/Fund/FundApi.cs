using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Fund;

public static class FundApi
{
    public static RouteGroupBuilder MapFundApi(this RouteGroupBuilder api)
    {
        var c = api.MapGroup("/communities/{communityId:guid}/fund").WithTags("Fund");
        c.MapPost("/", FundAdmin.OpenAsync).WithName("OpenFund")
            .WithSummary("Open the community's maintenance fund: one account, or one account per building")
            .WithDescription("Committee only. mode=Community (default) creates the community's one account; mode=PerBuilding one account per building (按幢立账、按户核算, Order 165 Art. 10). Every unit gets a household sub-ledger (分户账) in its account. Opening again is 409 fund_exists (also when requests race, in either mode); PerBuilding without buildings is 422 fund_no_buildings.");
        c.MapGet("/", FundQueries.AccountAsync).WithName("GetFund")
            .WithSummary("The community's fund: its accounts, each with the sum of its household balances, and the totals")
            .WithDescription("Committee, street and city. accounts lists the one account, or each building's account; for each, balanceFen and householdsSumFen are read in one statement and are always equal. The top-level figures are the sums over the accounts.");
        c.MapGet("/households", FundQueries.HouseholdsAsync).WithName("FundHouseholds")
            .WithSummary("Every household's initial deposit, balance, 30% flag and what it owes")
            .WithDescription("Committee, street and city. lowOnly=true lists only households below the low-balance threshold (strictly below 30% by default).");
        c.MapGet("/settings", FundAreaSettings.GetAsync).WithName("GetFundSettings")
            .WithSummary("Which area the community's fund splits count by")
            .WithDescription("Everyone who may see the community. chargesArea (initial deposits per m², per-m² top-ups, works charges; the law: Building, Order 165 Arts. 7 and 22) and commonIncomeArea (the law: Exclusive, Civil Code Art. 283); votesArea is always Exclusive (Art. 278).");
        c.MapPut("/settings", FundAreaSettings.ChangeAsync).WithName("ChangeFundSettings").RetryWhenRaceLost()
            .WithSummary("Record the area the owners' rules chose for fund charges and for common-part income")
            .WithDescription("Committee only. Both fields are required (Building or Exclusive). Splits made before the change keep the area they used (areaBasis on each).");
        c.MapPost("/opening/computed", FundAdmin.ComputeDepositsAsync).WithName("ComputeFundDeposits")
            .WithSummary("Post initial deposits computed as a rate per m² × building area (or the area the community's settings choose)")
            .WithDescription("Committee only, once per account (409 fund_opening_done when every account is opened): each household's initial deposit is round(area × rate) in fen and is posted as a deposit entry. The area is the building area unless the fund settings say otherwise (areaBasis in the answer); a unit without a registered building area is 422 unit_building_area_missing and nothing is posted.");
        c.MapPost("/opening/import", FundAdmin.ImportAsync).WithName("ImportFundOpening")
            .WithSummary("Import opening balances and initial deposits per unit from CSV (UTF-8 or GB18030) or .xlsx; all rows or nothing")
            .WithDescription("Committee only, once per account. The file is the body (text/csv or the .xlsx media type), read like the register import. Header: building,unit,opening_balance_yuan,initial_deposit_yuan (or 楼栋,房号,期初余额,首期交存). Any bad row refuses the whole file with 422 fund_import_invalid and every row error (line = spreadsheet row).");
        c.MapPost("/corrections", FundAdmin.CorrectAsync).WithName("CorrectFundEntry")
            .WithSummary("Post a correction naming the entry it corrects")
            .WithDescription("Committee only. Entries are never changed: a correction is a new signed entry on the same household that names the corrected one.");
        c.MapPost("/top-up-campaigns", TopUps.CreateAsync).WithName("CreateTopUpCampaign")
            .WithSummary("Raise a top-up campaign from a passed matter-6 vote")
            .WithDescription("Committee only. voteId must be a closed, passed vote of this community on matter 6 (RaiseMaintenanceFund); otherwise 422 top_up_vote_not_found / top_up_vote_wrong_matter / top_up_vote_not_passed. One campaign per vote (409). Optional schedule: instalments (1–36) due every intervalMonths from dueBy; each share is split in whole fen with the remainder on the first instalment; a last due date more than 36 months away is 422 top_up_schedule_too_long.");
        c.MapGet("/top-up-campaigns", TopUps.ListAsync).WithName("TopUpCampaigns")
            .WithSummary("The community's top-up campaigns with their progress")
            .WithDescription("Committee, street and city. Live progress arrives as fund.top-up-progress events.");
        c.MapGet("/offline-top-ups", TopUps.OfflineListAsync).WithName("OfflineTopUps")
            .WithSummary("Offline top-up payments, those awaiting confirmation first")
            .WithDescription("Committee, street and city. An entry posts nothing until a second committee member confirms it.");
        c.MapPost("/allocations", Allocations.AllocateAsync).WithName("AllocateFundIncome")
            .WithSummary("Credit interest (by balance) or common-part income (by exclusive area, or the area the settings choose) to the households of one account or of the community")
            .WithDescription("Committee only. accountId (optional) names the account that received the money; without it every household of the community shares it, each part posted to its own account (422 fund_account_not_found for another community's account). Whole fen by the largest-remainder method, so the parts sum exactly to the amount. One allocation per kind and reference (409 fund_allocation_exists). The answer lists every household's share (building, flat, the area or balance counted, fen); each ledger entry's referenceId is the allocation's id.");
        c.MapGet("/allocations", Allocations.ListAsync).WithName("FundAllocations")
            .WithSummary("The community's interest and common-part income allocations, newest first")
            .WithDescription("Committee, street and city. Each allocation with its kind, reference, amount, households, the area it counted (null for interest) and the account. Paged; GET /fund/allocations/{allocationId}/shares lists its shares.");
        c.MapGet("/statement", Statements.GetAsync).WithName("FundStatement")
            .WithSummary("The fund statement for a period: totals, works projects, each household's line (json, csv or printable html)")
            .WithDescription("Committee, street and city. from and to are China calendar dates (yyyy-MM-dd); format=csv or format=xlsx downloads a file, format=html is a printable page.");
        c.MapPost("/statements", StatementPublishing.PublishAsync).WithName("PublishFundStatement")
            .WithSummary("Publish a period's statement as a community notice linking to its downloadable files")
            .WithDescription("Committee only. The period must be over (422 statement_period_not_over); its figures are frozen when published. One publication per period (409 fund_statement_published, also when requests race); the yearly job publishes each past year the same way.");
        c.MapGet("/statements", StatementPublishing.ListAsync).WithName("PublishedFundStatements")
            .WithSummary("Published statements of the community, newest period first")
            .WithDescription("Everyone who may see the community, its residents included: published statements are public to the owners.");
        c.MapPost("/works-plans", Works.DraftAsync).WithName("DraftWorksPlan")
            .WithSummary("Draft a works plan paid from the fund")
            .WithDescription("Committee or the serving property company. Items and budget in fen; who bears it: the community, listed buildings or listed units.");
        c.MapGet("/works-plans", Works.ListAsync).WithName("WorksPlans")
            .WithSummary("Works plans of the community")
            .WithDescription("Committee, street and city see all; property staff see the plans they drafted.");

        var f = api.MapGroup("/fund").WithTags("Fund");
        f.MapGet("/mine", FundQueries.MineAsync).WithName("MyFund")
            .WithSummary("The caller's households: balance, flag, and what they owe with the purpose and subject to pay it")
            .WithDescription("Residents. Each owing line names purpose (fund-top-up or fund-due) and subjectId for POST /payments, and payNowFen, what one payment takes: a top-up with a schedule is paid one instalment at a time, earliest first (instalments lists each one's due date, amount, paid and outstanding).");
        f.MapGet("/allocations/{allocationId:guid}/shares", Allocations.SharesAsync).WithName("FundAllocationShares")
            .WithSummary("Every household's share of one allocation")
            .WithDescription("Committee, street and city. By building and flat: the household, its unit, the area (common-part income) or balance (interest) the split counted, and the fen it got; 0 where the largest-remainder split gave it nothing. Paged; 404 fund_allocation_not_found outside the caller's communities.");
        f.MapGet("/top-up-campaigns/{campaignId:guid}/unpaid", TopUps.UnpaidAsync).WithName("TopUpUnpaid")
            .WithSummary("Households that have not paid a campaign in full, with what is overdue per instalment")
            .WithDescription("Committee, street and city. Each line lists the share's instalments (due date, amount, paid, outstanding, overdue), overdueFen and nextDueBy; overdueOnly=true lists only households behind on an instalment whose due date has passed.");
        f.MapPost("/top-up-campaigns/{campaignId:guid}/close", TopUps.CloseAsync).WithName("CloseTopUpCampaign")
            .WithSummary("Close a campaign; money arriving later is refunded")
            .WithDescription("Committee only. A payment credited after the close is rejected by the fund and refunded automatically.");
        f.MapPost("/top-up-shares/{shareId:guid}/offline", TopUps.EnterOfflineAsync).WithName("EnterOfflineTopUp")
            .WithSummary("Enter a cash or transfer top-up for a household (posts nothing until confirmed)")
            .WithDescription("Committee only. A different committee member must confirm it.");
        f.MapPost("/offline-top-ups/{offlineId:guid}/confirm", TopUps.ConfirmOfflineAsync).WithName("ConfirmOfflineTopUp")
            .WithSummary("Confirm an offline top-up entered by another committee member; posts the top-up")
            .WithDescription("Committee only; the member who entered it cannot confirm it (422 offline_confirm_same_member); exactly one confirmation counts (409 offline_already_confirmed). The household's open WeChat Pay order for the share is closed at WeChat first (or credited if already paid), so the share is never charged twice; cash beyond what is still owed is refused (422 top_up_not_accepted).");
        f.MapPost("/works-plans/{planId:guid}/approve", Works.ApproveAsync).WithName("ApproveWorksPlan")
            .WithSummary("Approve a works plan by a passed matter-5 vote, or as an emergency use")
            .WithDescription("voteId (committee only) must be a closed, passed matter-5 (UseMaintenanceFund) vote of the community; emergency=true may be applied for by the committee or the street office, only for lifts, roofs, external walls, fire safety and leaks, and marks the plan as an emergency use with its applicant.");
        f.MapPost("/works-plans/{planId:guid}/charge", Works.ChargeAsync).WithName("ChargeWorksPlan")
            .WithSummary("Charge the actual cost, split by building area (or the area the settings choose) in whole fen (largest remainder)")
            .WithDescription("Committee only. Each bearing household is charged what its balance covers; the rest becomes an amount due, payable as fund-due. An emergency use is published afterwards as a community notice in the same transaction.");
        f.MapPost("/works-plans/{planId:guid}/invoices", WorksInvoices.UploadAsync).WithName("UploadWorksInvoice")
            .WithSummary("Upload an invoice for a works plan's actual cost (multipart field 'file'; optional amountFen and note)")
            .WithDescription("Committee only, on an approved or charged plan (422 works_invoice_plan_not_approved on a draft). PDF or PNG, JPEG, WebP by its first bytes, up to 20 MB (415 attachment_type_not_allowed, 413 attachment_too_large). A refused upload stores nothing.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        f.MapGet("/works-plans/{planId:guid}/invoices", WorksInvoices.ListAsync).WithName("WorksInvoices")
            .WithSummary("Invoices of a works plan: file name, type, size, amount, who uploaded them and when")
            .WithDescription("Everyone who may see the plan's community, its residents included: the fund's spending is disclosed to the owners. Others get 404 works_plan_not_found.");
        f.MapGet("/works-plans/{planId:guid}/invoices/{invoiceId:guid}/file", WorksInvoices.DownloadAsync).WithName("WorksInvoiceFile")
            .WithSummary("Download one invoice of a works plan")
            .WithDescription("Readable like the plan's invoice list; the content type is the one read from the file's bytes.");
        f.MapGet("/statements/{statementId:guid}/file", StatementPublishing.FileAsync).WithName("PublishedFundStatementFile")
            .WithSummary("Download a published statement: format=html (printable, the default), csv or xlsx")
            .WithDescription("Everyone who may see the statement's community. The figures are those frozen at publication.");
        f.MapPost("/statements/{statementId:guid}/supersede", StatementPublishing.SupersedeAsync).WithName("SupersedeFundStatement")
            .WithSummary("Correct a published statement: publish the period again from the ledger as it is now, with a reason")
            .WithDescription("Committee of the statement's community only (others who can see it 403, others 404 fund_statement_not_found). The correction is the next revision of the same period, published as its own notice that gives the reason; the earlier statement is kept, marked superseded. Only the newest revision can be corrected: 409 fund_statement_superseded (also when corrections race).");
        f.MapPost("/statements/{statementId:guid}/links", StatementLinks.IssueAsync).WithName("FundStatementLink")
            .WithSummary("A link that opens one household's view of a published statement in a browser, valid for 7 days")
            .WithDescription("The unit's bound residents, and the committee, street and city. The link carries an HMAC signature instead of a bearer token and shows the statement's totals, its works and that household's line only. 409 fund_statement_links_off when Fund:StatementLinkKey is not configured.");
        f.MapGet("/statements/{statementId:guid}/households/{householdId:guid}/page", StatementLinks.OpenAsync).AllowAnonymous()
            .WithName("FundStatementPage")
            .WithSummary("Open a signed statement link (printable html)")
            .WithDescription("No token: the signature authorises. 403 fund_statement_link_invalid for a wrong or altered link, 403 fund_statement_link_expired after its expiry.");
        api.MapGet("/units/{unitId:guid}/fund-ledger", FundQueries.UnitLedgerAsync).WithTags("Fund").WithName("UnitFundLedger")
            .WithSummary("A unit's household sub-ledger with every entry")
            .WithDescription("The unit's bound residents, and the committee, street and city of its community.");
        return api;
    }
}
