using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Voting;

namespace Renovation.Community.Application.Features.DemoData;

/// <summary>
/// A maintenance fund in each demo community (和平新村 with one account per building, the other with one account): initial deposits at 100 元/m², one past roof repair charged to the first
/// building (so some households fall below 30%), and an open top-up campaign. The campaign needs a passed matter-6
/// vote; the demo records one closed vote whose result is entered as demo totals (it has no ballots, and its
/// description says so), because casting a real ballot per owner at start-up would be slower and no more real.
/// The ledger carries the story's dates (<see cref="StoryClock"/>): the fund was opened and the deposits posted
/// <see cref="OpenedDaysAgo"/> days before seeding, the roof repair charged <see cref="RoofChargedDaysAgo"/> days before,
/// so a statement for any past period shows the balances at its two ends. Each community also has a published
/// statement (notice and files) for the 30 China calendar days before the seeding day.
/// </summary>
public static class FundDemo
{
    public const long DemoRatePerSqmFen = 10_000;
    public const int OpenedDaysAgo = 90;
    public const int RoofChargedDaysAgo = 60;

    /// <summary>This demo community keeps one account per building (按幢立账); the other keeps one account.</summary>
    public const string PerBuildingCommunity = "和平新村";

    private static FundAccountMode ModeOf(string communityName) =>
        communityName == PerBuildingCommunity ? FundAccountMode.PerBuilding : FundAccountMode.Community;

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.FundAccounts.AnyAsync(ct))
            return;
        var outbox = new EventOutbox(db, clock, Options.Create(new JsonOptions()));
        var now = clock.GetUtcNow();
        var story = new StoryClock(now.AddDays(-OpenedDaysAgo));
        var ledger = new FundLedger(db, outbox, story);
        var opening = new FundOpening(db, ledger, story);
        var charging = new WorksCharging(db, ledger, story);
        var chair = await db.Users.Where(u => u.OpenId == "dev:chair-a").Select(u => u.Id).SingleOrDefaultAsync(ct);
        foreach (var community in await db.Communities.OrderBy(c => c.Name).ToListAsync(ct))
        {
            story.At = now.AddDays(-OpenedDaysAgo);
            await db.InTransactionAsync(async c =>
            {
                await opening.OpenAsync(community.Id, ModeOf(community.Name), FundAccount.DefaultLowBalancePercent, chair, c);
                await db.SaveChangesAsync(c);
                await opening.ComputeAsync(community.Id, DemoRatePerSqmFen, chair, c);
                return true;
            }, ct);

            var firstBuilding = await db.Buildings.Where(b => b.CommunityId == community.Id).OrderBy(b => b.Name).Select(b => b.Id).FirstAsync(ct);
            story.At = now.AddDays(-RoofChargedDaysAgo - 1);
            var roof = new WorksPlan(community.Id, "1幢屋面防水翻修（演示）", WorksCategory.Roof, "屋面防水层翻修 1 项", 15_000_000,
                BearerScope.Buildings, [firstBuilding], chair, story.At);
            roof.ApproveAsEmergency(chair, story.At);
            story.At = now.AddDays(-RoofChargedDaysAgo);
            db.FundWorksPlans.Add(roof);
            await db.SaveChangesAsync(ct);
            await db.InTransactionAsync(async c =>
            {
                await charging.ChargeAsync(community.Id, roof.Id, 15_000_000, chair, c);
                await db.SaveChangesAsync(c);
                return true;
            }, ct);

            var vote = PassedRaiseVote(community.Id, chair, now, await db.Units.Where(u => u.CommunityId == community.Id)
                .Select(u => new { u.ExclusiveAreaHundredths, u.OwnerPartyId }).ToListAsync(ct) is var units
                    ? (units.Sum(u => u.ExclusiveAreaHundredths), units.Select(u => u.OwnerPartyId).Distinct().LongCount(), units.Count)
                    : default);
            db.Votes.Add(vote);
            // The per-building community's campaign is paid in three instalments, every six months from three months on.
            var campaign = ModeOf(community.Name) == FundAccountMode.PerBuilding
                ? new TopUpCampaign(community.Id, vote.Id, "1幢维修资金续筹（分三期，演示）", TopUpBasis.Shortfall, null, now.AddMonths(3), chair, now,
                    instalments: 3, intervalMonths: 6)
                : new TopUpCampaign(community.Id, vote.Id, "1幢维修资金续筹（演示）", TopUpBasis.Shortfall, null, now.AddMonths(6), chair, now);
            foreach (var h in await db.FundHouseholds.Where(h => h.CommunityId == community.Id && h.BalanceFen < h.InitialDepositFen)
                         .OrderBy(h => h.Id).ToListAsync(ct))
            {
                db.FundTopUpShares.Add(new TopUpShare(campaign.Id, community.Id, h.Id, h.UnitId, h.InitialDepositFen - h.BalanceFen));
                campaign.AddShare(h.InitialDepositFen - h.BalanceFen);
            }
            db.FundTopUpCampaigns.Add(campaign);
            await db.SaveChangesAsync(ct);

            // Cash handed to a committee member, waiting for a second member to confirm it.
            var member = await db.RoleGrants.Where(g => g.ScopeId == community.Id && g.Role == Common.Authorization.Role.CommitteeMember)
                .Select(g => g.UserId).FirstOrDefaultAsync(ct);
            // A flat no demo resident is bound to, so no walk-through pays that share online before the cash is confirmed.
            var lastShare = await db.FundTopUpShares.Where(s => s.CampaignId == campaign.Id && !db.UnitBindings.Any(b => b.UnitId == s.UnitId))
                .OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
            if (member != Guid.Empty && lastShare is not null)
            {
                db.FundOfflineTopUps.Add(new OfflineTopUp(lastShare.Id, community.Id, lastShare.AmountFen, "现金交至业委会（演示，待另一名委员确认）", member, now));
                await db.SaveChangesAsync(ct);
            }

            var today = DateOnly.FromDateTime(Common.Time.ChinaTime.ToChina(now).DateTime);
            await StatementPublishing.StageAsync(community.Id, today.AddDays(-30), today.AddDays(-1), yearly: false, chair, db, outbox, now, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private static Vote PassedRaiseVote(Guid communityId, Guid convenedBy, DateTimeOffset now, (long Area, long Heads, int Units) electorate)
    {
        var opens = now.AddDays(-30);
        var closes = now.AddDays(-16);
        var vote = new Vote(communityId, "关于续筹住宅专项维修资金的表决（演示）",
            "演示数据：本表决的结果为演示录入的汇总数，没有逐张选票记录。", Matter.RaiseMaintenanceFund, VoteKind.Motion,
            Secrecy.Named, false, 0, opens, closes, convenedBy, null, [], opens.AddDays(-16));
        vote.Open(electorate.Area, electorate.Heads, electorate.Units, false, opens);
        // 90% took part and 85% of them agreed (by area and by heads): above matter 6's three-quarter thresholds.
        var participating = new Totals(electorate.Area * 9 / 10, electorate.Heads * 9 / 10);
        var agree = new Totals(participating.Area * 85 / 100, participating.Heads * 85 / 100);
        var oppose = new Totals(participating.Area - agree.Area, participating.Heads - agree.Heads);
        vote.Close(new VoteResult(new Totals(electorate.Area, electorate.Heads), participating, agree, oppose, new Totals(0, 0),
            QuorumMet: true, Passed: true, []), closes, 7);
        return vote;
    }
}
