namespace Renovation.Community.Application.Features.Fund;

/// <summary>Maps the top-up routes: campaigns, unpaid households and offline top-ups.</summary>
internal static class TopUpRoutes
{
    /// <summary>Under /communities/{communityId}/fund: raise and list campaigns, list offline top-ups.</summary>
    public static void MapUnderCommunity(RouteGroupBuilder communityFund)
    {
        communityFund.MapPost("/top-up-campaigns", TopUps.CreateAsync).WithName("CreateTopUpCampaign")
            .WithSummary("Raise a top-up campaign from a passed matter-6 vote")
            .WithDescription("Committee only. voteId must be a closed, passed vote of this community on matter 6 (RaiseMaintenanceFund); otherwise 422 top_up_vote_not_found / top_up_vote_wrong_matter / top_up_vote_not_passed. One campaign per vote (409). Optional schedule: instalments (1–36) due every intervalMonths from dueBy; each share is split in whole fen with the remainder on the first instalment; a last due date more than 36 months away is 422 top_up_schedule_too_long.");
        communityFund.MapGet("/top-up-campaigns", TopUps.ListAsync).WithName("TopUpCampaigns")
            .WithSummary("The community's top-up campaigns with their progress")
            .WithDescription("Committee, street and city. Live progress arrives as fund.top-up-progress events.");
        communityFund.MapGet("/offline-top-ups", TopUps.OfflineListAsync).WithName("OfflineTopUps")
            .WithSummary("Offline top-up payments, those awaiting confirmation first")
            .WithDescription("Committee, street and city. An entry posts nothing until a second committee member confirms it.");
    }

    /// <summary>Under /fund: unpaid households, closing a campaign, entering and confirming offline top-ups.</summary>
    public static void MapUnderFund(RouteGroupBuilder fund)
    {
        fund.MapGet("/top-up-campaigns/{campaignId:guid}/unpaid", TopUps.UnpaidAsync).WithName("TopUpUnpaid")
            .WithSummary("Households that have not paid a campaign in full, with what is overdue per instalment")
            .WithDescription("Committee, street and city. Each line lists the share's instalments (due date, amount, paid, outstanding, overdue), overdueFen and nextDueBy; overdueOnly=true lists only households behind on an instalment whose due date has passed.");
        fund.MapPost("/top-up-campaigns/{campaignId:guid}/close", TopUps.CloseAsync).WithName("CloseTopUpCampaign")
            .WithSummary("Close a campaign; money arriving later is refunded")
            .WithDescription("Committee only. A payment credited after the close is rejected by the fund and refunded automatically.");
        fund.MapPost("/top-up-shares/{shareId:guid}/offline", TopUps.EnterOfflineAsync).WithName("EnterOfflineTopUp")
            .WithSummary("Enter a cash or transfer top-up for a household (posts nothing until confirmed)")
            .WithDescription("Committee only. A different committee member must confirm it.");
        fund.MapPost("/offline-top-ups/{offlineId:guid}/confirm", TopUps.ConfirmOfflineAsync).WithName("ConfirmOfflineTopUp")
            .WithSummary("Confirm an offline top-up entered by another committee member; posts the top-up")
            .WithDescription("Committee only; the member who entered it cannot confirm it (422 offline_confirm_same_member); exactly one confirmation counts (409 offline_already_confirmed). The household's open WeChat Pay order for the share is closed at WeChat first (or credited if already paid), so the share is never charged twice; cash beyond what is still owed is refused (422 top_up_not_accepted).");
    }
}
