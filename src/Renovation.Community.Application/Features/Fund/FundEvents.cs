using Renovation.Community.Application.Common.Events;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>Outbox events of the fund; each is added in the transaction of the posting it reports.</summary>
public static class FundEvents
{
    /// <summary>
    /// To the household (its bound residents): the balance fell below the threshold. With a template configured under
    /// <c>Notifications:Templates:fund.low-balance</c> consenting residents also get a subscribe message.
    /// </summary>
    public const string LowBalanceKind = "fund.low-balance";
    /// <summary>To the community: a campaign's totals after a payment (live progress).</summary>
    public const string TopUpProgressKind = "fund.top-up-progress";
    /// <summary>To the committee (members and chair): a half-year ended and no published statement covers it yet.</summary>
    public const string DisclosureDue = "fund.disclosure-due";

    public static void LowBalance(EventOutbox outbox, Guid communityId, Guid unitId, Guid householdId, long balanceFen,
        long initialDepositFen, int percent) =>
        outbox.Add(LowBalanceKind, Audience.Unit(unitId), new
        {
            communityId,
            unitId,
            householdId,
            balanceFen,
            initialDepositFen,
            thresholdPercent = percent,
            title = "维修资金余额不足首期交存额的" + percent + "%，请关注续筹",
        });

    public static void TopUpProgress(EventOutbox outbox, TopUpCampaign campaign) =>
        outbox.Add(TopUpProgressKind, Audience.Community(campaign.CommunityId), new
        {
            campaignId = campaign.Id,
            campaign.Title,
            campaign.DueFen,
            campaign.PaidFen,
            campaign.Households,
            campaign.PaidHouseholds,
            state = campaign.State.ToString(),
        });
}
