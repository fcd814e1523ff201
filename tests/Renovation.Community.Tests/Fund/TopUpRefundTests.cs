using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Payments;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.Tests.Fund;

/// <summary>
/// Issue #25 point 2 for the fund: a refunded WeChat Pay top-up appends a refund entry (the ledger stays append-only)
/// and reopens the share, decided before WeChat is asked; money the household's balance no longer holds is refused
/// (<c>fund_balance_spent</c>) unless a committee chair overrides with a reason. Races run on MariaDB too.
/// </summary>
public sealed class TopUpRefundTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);
    private readonly PaymentsWorld _payments = new(api);

    /// <summary>A fresh campaign (5 元/m²) and coowner-a's share of it, paid through WeChat Pay.</summary>
    private async Task<(TopUpShare Share, Guid PaymentId)> PaidShare()
    {
        var demo = await Demo.Of(api);
        var chair = await api.ClientFor("chair-a");
        var vote = await _fund.ClosedVote(demo.CommunityA, Matter.RaiseMaintenanceFund, passed: true);
        var campaign = await (await chair.PostJson($"/api/v1/communities/{demo.CommunityA}/fund/top-up-campaigns", new
        {
            voteId = vote, title = "退款测试续筹", basis = "PerSquareMetre", ratePerSqmFen = 500, dueBy = api.Clock.GetUtcNow().AddMonths(3),
        })).ShouldBe<TopUpCampaignView>(HttpStatusCode.Created);
        var unit = await _fund.UnitOf("coowner-a");
        var share = await api.WithDb(db => db.FundTopUpShares.AsNoTracking().SingleAsync(s => s.CampaignId == campaign.Id && s.UnitId == unit));
        var prepay = await (await (await api.ClientFor("coowner-a")).PostJson("/api/v1/payments", new { purpose = "fund-top-up", subjectId = share.Id }))
            .ShouldBe<PrepayView>(HttpStatusCode.OK);
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo);
        var paid = await _payments.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);
        Assert.Equal(PaymentAcceptanceState.Accepted, paid.Acceptance);
        return (await ShareRow(share.Id), paid.Id);
    }

    private Task<TopUpShare> ShareRow(Guid id) => api.WithDb(db => db.FundTopUpShares.AsNoTracking().SingleAsync(s => s.Id == id));

    private Task<TopUpCampaign> CampaignRow(Guid id) => api.WithDb(db => db.FundTopUpCampaigns.AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<FundEntry?> Entry(string sourceKey) => api.WithDb(db => db.FundEntries.AsNoTracking().SingleOrDefaultAsync(e => e.SourceKey == sourceKey));

    private async Task<HttpResponseMessage> Refund(Guid paymentId, long amountFen, string? overrideReason = null, string user = "chair-a") =>
        await (await api.ClientFor(user)).PostJson($"/api/v1/payments/{paymentId}/refunds", new { amountFen, reason = "续筹退款", overrideReason });

    [Fact]
    public async Task A_refunded_top_up_appends_a_refund_entry_naming_the_top_up_and_reopens_the_share()
    {
        var demo = await Demo.Of(api);
        var (share, paymentId) = await PaidShare();
        Assert.Equal(share.AmountFen, share.PaidFen);
        var campaign = await CampaignRow(share.CampaignId);
        var household = await _fund.Household(share.UnitId);
        var topUp = (await Entry($"payment:{paymentId}"))!;

        var refund = await (await Refund(paymentId, share.AmountFen)).ShouldBe<RefundView>(HttpStatusCode.Created);

        var entry = (await Entry($"refund:{refund.Id}"))!;
        Assert.Equal((FundEntryKind.Refund, -share.AmountFen, topUp.Id), (entry.Kind, entry.AmountFen, entry.CorrectsEntryId));
        Assert.Equal(household.BalanceFen - share.AmountFen, (await _fund.Household(share.UnitId)).BalanceFen);
        // Append-only: the top-up entry is as it was.
        Assert.Equal((topUp.AmountFen, topUp.HouseholdBalanceAfterFen), ((await Entry($"payment:{paymentId}"))!.AmountFen,
            (await Entry($"payment:{paymentId}"))!.HouseholdBalanceAfterFen));
        Assert.Equal(0, (await ShareRow(share.Id)).PaidFen);
        var after = await CampaignRow(share.CampaignId);
        Assert.Equal((campaign.PaidFen - share.AmountFen, campaign.PaidHouseholds - 1), (after.PaidFen, after.PaidHouseholds));
        // The share is owed again and can be paid again.
        var owing = (await (await (await api.ClientFor("coowner-a")).GetAsync("/api/v1/fund/mine")).ShouldBe<List<MyHouseholdView>>(HttpStatusCode.OK))
            .SelectMany(h => h.Owing).Single(o => o.SubjectId == share.Id);
        Assert.Equal(share.AmountFen, owing.OwingFen);
        await _fund.AssertInvariant(demo.CommunityA);
    }

    [Fact]
    public async Task A_partial_top_up_refund_gives_back_that_part_only()
    {
        var (share, paymentId) = await PaidShare();
        var household = await _fund.Household(share.UnitId);

        var refund = await (await Refund(paymentId, 100)).ShouldBe<RefundView>(HttpStatusCode.Created);

        Assert.Equal(-100, (await Entry($"refund:{refund.Id}"))!.AmountFen);
        Assert.Equal((share.AmountFen - 100, household.BalanceFen - 100),
            ((await ShareRow(share.Id)).PaidFen, (await _fund.Household(share.UnitId)).BalanceFen));
    }

    [Fact]
    public async Task A_top_up_refund_the_balance_no_longer_holds_is_refused_before_WeChat_unless_the_chair_overrides_with_a_reason()
    {
        var demo = await Demo.Of(api);
        var (share, paymentId) = await PaidShare();
        var household = await _fund.Household(share.UnitId);
        // Works spent all but 1 元 of the household's balance.
        await _fund.Post(new FundPosting(household.Id, FundEntryKind.WorksCharge, -(household.BalanceFen - 100),
            $"works:test:{Guid.NewGuid()}", "屋面防水分摊"));
        var refundsBefore = (await _payments.Refunds(paymentId)).Count;

        var refused = await (await Refund(paymentId, share.AmountFen)).ShouldBeProblem(HttpStatusCode.Conflict, "fund_balance_spent");
        Assert.Contains("业主委员会", refused.GetProperty("detail").GetString());
        Assert.Equal(refundsBefore, (await _payments.Refunds(paymentId)).Count);
        Assert.Equal(share.AmountFen, (await ShareRow(share.Id)).PaidFen);
        Assert.Equal(100, (await _fund.Household(share.UnitId)).BalanceFen);
        // A committee member who is not the chair cannot refund owners' money, override or not.
        await (await Refund(paymentId, share.AmountFen, "业主大会决定退还", user: "committee-a")).ShouldBeProblem(HttpStatusCode.Forbidden);

        var refund = await (await Refund(paymentId, share.AmountFen, "业主大会决定退还")).ShouldBe<RefundView>(HttpStatusCode.Created);

        var row = (await _payments.Refunds(paymentId)).Single(r => r.Id == refund.Id);
        Assert.Equal("业主大会决定退还", row.OverrideReason);
        var entry = (await Entry($"refund:{refund.Id}"))!;
        Assert.Equal(-100, entry.AmountFen);
        Assert.Contains("业主大会决定退还", entry.Memo);
        Assert.Equal(0, (await _fund.Household(share.UnitId)).BalanceFen);
        Assert.Equal(0, (await ShareRow(share.Id)).PaidFen);
        await _fund.AssertInvariant(demo.CommunityA);
    }

    [Fact]
    public async Task A_top_up_refund_WeChat_refuses_puts_the_money_back_with_a_correction()
    {
        var demo = await Demo.Of(api);
        var (share, paymentId) = await PaidShare();
        var household = await _fund.Household(share.UnitId);
        api.WeChat.Faults.Inject(SimulatorPaths.Refunds, Fault.PayError(400, "PARAM_ERROR"));

        var failed = await (await Refund(paymentId, share.AmountFen)).ShouldBe<RefundView>(HttpStatusCode.Created);

        Assert.Equal(RefundState.Failed, failed.State);
        var refundEntry = (await Entry($"refund:{failed.Id}"))!;
        var correction = (await Entry($"refund:{failed.Id}:released"))!;
        Assert.Equal((FundEntryKind.Correction, share.AmountFen, refundEntry.Id), (correction.Kind, correction.AmountFen, correction.CorrectsEntryId));
        Assert.Equal(household.BalanceFen, (await _fund.Household(share.UnitId)).BalanceFen);
        Assert.Equal(share.AmountFen, (await ShareRow(share.Id)).PaidFen);
        await _fund.AssertInvariant(demo.CommunityA);
    }

    [Fact]
    public async Task An_incident_resolved_with_a_refund_the_balance_no_longer_holds_is_refused_and_leaves_the_incident_open()
    {
        var (share, paymentId) = await PaidShare();
        var household = await _fund.Household(share.UnitId);
        await _fund.Post(new FundPosting(household.Id, FundEntryKind.WorksCharge, -household.BalanceFen, $"works:test:{Guid.NewGuid()}", "外墙维修分摊"));
        var payment = await _payments.Row(paymentId);
        var incidentId = await api.WithDb(async db =>
        {
            var incident = new PaymentIncident(PaymentIncidentKind.RefundMismatch, payment.OutTradeNo + "R98", payment.Id,
                payment.CommunityId, share.AmountFen, 1, "测试：退款金额与微信不符", null, api.Clock.GetUtcNow());
            db.PaymentIncidents.Add(incident);
            await db.SaveChangesAsync();
            return incident.Id;
        });
        var finance = await api.ClientFor("finance");

        await (await finance.PostJson($"/api/v1/payments/incidents/{incidentId}/resolve", new { note = "退还", refundFen = share.AmountFen }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "fund_balance_spent");

        // Nothing was written: the incident is open, no refund reserved, the share still paid.
        Assert.Null((await api.WithDb(db => db.PaymentIncidents.AsNoTracking().SingleAsync(i => i.Id == incidentId))).ResolvedAt);
        Assert.Empty(await _payments.Refunds(paymentId));
        Assert.Equal(share.AmountFen, (await ShareRow(share.Id)).PaidFen);

        var resolved = await (await finance.PostJson($"/api/v1/payments/incidents/{incidentId}/resolve", new { note = "款项已用于维修，不退" }))
            .ShouldBe<PaymentIncidentView>(HttpStatusCode.OK);
        Assert.Equal(PaymentIncidentState.Resolved, resolved.State);
    }

    [Fact]
    public async Task Refunds_racing_on_one_top_up_give_back_at_most_what_was_paid()
    {
        var demo = await Demo.Of(api);
        var (share, paymentId) = await PaidShare();
        var household = await _fund.Household(share.UnitId);
        var part = share.AmountFen / 2 + 1;

        var answers = await Race.Run(Race.DefaultRacers, () => Refund(paymentId, part));

        answers.ExactlyOne(HttpStatusCode.Created).OthersAre(HttpStatusCode.UnprocessableEntity, "refund_exceeds_paid");
        var refundKeys = (await _payments.Refunds(paymentId)).Select(r => $"refund:{r.Id}").ToList();
        var given = await api.WithDb(db => db.FundEntries.AsNoTracking().Where(e => refundKeys.Contains(e.SourceKey)).ToListAsync());
        Assert.Equal(-part, Assert.Single(given).AmountFen);
        Assert.Equal(household.BalanceFen - part, (await _fund.Household(share.UnitId)).BalanceFen);
        Assert.Equal(share.AmountFen - part, (await ShareRow(share.Id)).PaidFen);
        await _fund.AssertInvariant(demo.CommunityA);
    }
}
