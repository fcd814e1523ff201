using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Payments;

namespace Renovation.Community.Tests.Fund;

/// <summary>The invariant under real concurrency (MariaDB overlaps the transactions; SQLite serialises them).</summary>
public sealed class FundConcurrencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);
    private readonly PaymentsWorld _payments = new(api);

    [Fact]
    public async Task Fifty_concurrent_top_up_payments_and_a_works_charge_on_the_same_households_keep_the_invariant()
    {
        var demo = await Demo.Of(api);
        var households = (await _fund.Households(demo.CommunityB)).Where(h => h.BalanceFen == h.InitialDepositFen).Take(50).ToList();
        Assert.Equal(50, households.Count);
        var payers = await BindPayers(households.Select(h => h.UnitId).ToList());

        var chair = await api.ClientFor("committee-b");
        var vote = await _fund.ClosedVote(demo.CommunityB, Matter.RaiseMaintenanceFund, passed: true);
        var campaign = await (await chair.PostJson($"/api/v1/communities/{demo.CommunityB}/fund/top-up-campaigns", new
        {
            voteId = vote, title = "并发续筹", basis = "PerSquareMetre", ratePerSqmFen = 1_000, dueBy = api.Clock.GetUtcNow().AddMonths(3),
        })).ShouldBe<TopUpCampaignView>(HttpStatusCode.Created);
        // Per m², every household of the community owes; these 50 pay.
        var ours = households.Select(h => h.Id).ToList();
        var shares = await api.WithDb(db => db.FundTopUpShares.AsNoTracking()
            .Where(s => s.CampaignId == campaign.Id && ours.Contains(s.HouseholdId)).ToListAsync());
        var plan = await (await chair.PostJson($"/api/v1/communities/{demo.CommunityB}/fund/works-plans", new
        {
            title = "并发维修", category = "Leak", items = "渗漏", budgetFen = 1, scope = "Units", bearerIds = households.Select(h => h.UnitId).ToList(),
        })).ShouldBe<WorksPlanView>(HttpStatusCode.Created);
        await (await chair.PostJson($"/api/v1/fund/works-plans/{plan.Id}/approve", new { emergency = true })).ShouldBe<WorksPlanView>(HttpStatusCode.OK);

        var orders = new List<(Guid PaymentId, string OutTradeNo)>();
        foreach (var (unitId, client) in payers)
        {
            var share = shares.Single(s => s.UnitId == unitId);
            var prepay = await (await client.PostJson("/api/v1/payments", new { purpose = "fund-top-up", subjectId = share.Id }))
                .ShouldBe<PrepayView>(HttpStatusCode.OK);
            orders.Add((prepay.Payment.Id, prepay.Payment.OutTradeNo));
        }
        var before = households.Sum(h => h.BalanceFen);
        var cost = before / 2;   // leaves every household able to pay its share, whatever the interleaving
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = orders.Select(o => Task.Run(async () => { await gate.Task; await api.WeChat.PayAsync(o.OutTradeNo); })).ToList();
        var charge = Task.Run(async () =>
        {
            await gate.Task;
            return await chair.PostJson($"/api/v1/fund/works-plans/{plan.Id}/charge", new { actualCostFen = cost });
        });
        gate.SetResult();
        await Task.WhenAll(work);
        var charged = await (await charge).ShouldBe<WorksChargeResult>(HttpStatusCode.OK);
        foreach (var order in orders)
            Assert.Equal(PaymentAcceptanceState.Accepted,
                (await _payments.WaitFor(order.PaymentId, p => p.State == PaymentState.Paid, TimeSpan.FromSeconds(60))).Acceptance);

        await _fund.AssertInvariant(demo.CommunityB);
        var topUps = await api.WithDb(db => db.FundEntries.AsNoTracking().Where(e => e.ReferenceId == campaign.Id && e.Kind == FundEntryKind.TopUp).ToListAsync());
        Assert.Equal(50, topUps.Count);
        Assert.Equal(shares.Sum(s => s.AmountFen), topUps.Sum(e => e.AmountFen));
        var row = await api.WithDb(db => db.FundTopUpCampaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id));
        Assert.Equal(50, row.PaidHouseholds);
        Assert.Equal(shares.Sum(s => s.AmountFen), row.PaidFen);
        Assert.Equal(cost, charged.CoveredFen);
        var after = await _fund.Households(demo.CommunityB);
        foreach (var h in households)
        {
            var share = shares.Single(s => s.HouseholdId == h.Id).AmountFen;
            var worksShare = charged.Shares.Single(s => s.HouseholdId == h.Id).ShareFen;
            Assert.Equal(h.BalanceFen + share - worksShare, after.Single(x => x.Id == h.Id).BalanceFen);
        }
    }

    /// <summary>One signed-in WeChat user bound to each unit (payments need an openid).</summary>
    private async Task<List<(Guid UnitId, HttpClient Client)>> BindPayers(List<Guid> unitIds)
    {
        var names = await api.WithDb(async db =>
        {
            var now = api.Clock.GetUtcNow();
            var result = new List<(Guid, string)>();
            foreach (var unitId in unitIds)
            {
                var name = "fund-payer-" + Guid.NewGuid().ToString("N")[..10];
                var user = new AppUser(AuthApi.DevOpenId(name), null, name, now);
                var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId);
                var binding = new UnitBinding(user.Id, unit.Id, unit.CommunityId, name, "0000", unit.CertificateNumber ?? "", matchesRegister: true, now);
                binding.Approve(user.Id, now);
                db.Users.Add(user);
                db.UnitBindings.Add(binding);
                result.Add((unitId, name));
            }
            await db.SaveChangesAsync();
            return result;
        });
        var clients = new List<(Guid, HttpClient)>();
        foreach (var (unitId, name) in names)
            clients.Add((unitId, await api.ClientFor(name)));
        return clients;
    }
}
