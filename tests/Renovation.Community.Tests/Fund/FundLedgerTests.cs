using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>The ledger's rules: Σ households = account at every step, no negative balance, corrections, the 30% flag.</summary>
public sealed class FundLedgerTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly FundWorld _fund = new(api);

    [Fact]
    public async Task The_account_equals_the_sum_of_households_after_every_one_of_a_random_sequence_of_operations()
    {
        var demo = await Demo.Of(api);
        var chosen = (await _fund.Households(demo.CommunityB)).Take(12).ToList();
        // Start from empty households so withdrawals really meet the no-negative rule during the sequence.
        foreach (var h in chosen.Where(h => h.BalanceFen > 0))
            await _fund.Post(new FundPosting(h.Id, FundEntryKind.WorksCharge, -h.BalanceFen, $"random-start:{h.Id}", "清零"));
        var households = chosen.Select(h => h.Id).ToList();
        var random = new Random(20261129);
        var operations = TestDatabase.Provider == Renovation.Community.Application.Data.DatabaseProvider.Sqlite ? 3_000 : 1_000;
        var posted = new List<(Guid Entry, Guid Household)>();
        var refused = 0;
        for (var i = 0; i < operations; i++)
        {
            var household = households[random.Next(households.Count)];
            var kind = (FundEntryKind)random.Next(0, 8);
            var magnitude = random.NextInt64(1, 50_000);
            var amount = kind switch
            {
                FundEntryKind.WorksCharge or FundEntryKind.Refund => -magnitude,
                FundEntryKind.Correction => random.Next(2) == 0 ? magnitude : -magnitude,
                _ => magnitude,
            };
            var corrects = kind == FundEntryKind.Correction
                ? posted.Where(p => p.Household == household).Select(p => (Guid?)p.Entry).LastOrDefault() : null;
            if (kind == FundEntryKind.Correction && corrects is null)
                kind = FundEntryKind.Interest;
            try
            {
                var entry = await _fund.Post(new FundPosting(household, kind, kind == FundEntryKind.Interest ? magnitude : amount,
                    $"random:{i}", $"随机操作 {i}", CorrectsEntryId: kind == FundEntryKind.Correction ? corrects : null));
                posted.Add((entry.Id, household));
            }
            catch (DomainRuleViolation e) when (e.Code == "fund_balance_insufficient")
            {
                refused++;
            }
            await _fund.AssertInvariant(demo.CommunityB, deep: i % 500 == 499);
        }
        await _fund.AssertInvariant(demo.CommunityB);
        Assert.True(refused > 0 && posted.Count > operations / 2, $"{posted.Count} posted, {refused} refused");
    }

    [Fact]
    public async Task A_household_balance_never_goes_negative_and_a_refused_posting_leaves_nothing_behind()
    {
        var demo = await Demo.Of(api);
        var household = (await _fund.Households(demo.CommunityA)).Last();
        var before = await _fund.Account(demo.CommunityA);
        var e = await Assert.ThrowsAsync<DomainRuleViolation>(() => _fund.Post(new FundPosting(household.Id, FundEntryKind.WorksCharge,
            -(household.BalanceFen + 1), $"too-much:{Guid.NewGuid()}", "超额")));
        Assert.Equal("fund_balance_insufficient", e.Code);
        var after = await _fund.Account(demo.CommunityA);
        Assert.Equal(before.BalanceFen, after.BalanceFen);
        Assert.Equal(before.EntryCount, after.EntryCount);
        Assert.Equal(household.BalanceFen, (await _fund.Household(household.UnitId)).BalanceFen);
        await _fund.AssertInvariant(demo.CommunityA);
    }

    [Fact]
    public async Task A_correction_is_a_new_entry_naming_the_corrected_one_which_stays_unchanged()
    {
        var demo = await Demo.Of(api);
        var unit = await _fund.UnitOf("resident-a");
        var household = await _fund.Household(unit);
        var target = await api.WithDb(db => db.FundEntries.AsNoTracking().Where(e => e.HouseholdId == household.Id).OrderBy(e => e.Sequence).FirstAsync());
        var chair = await api.ClientFor("chair-a");
        var created = await (await chair.PostJson($"/api/v1/communities/{demo.CommunityA}/fund/corrections",
            new { entryId = target.Id, amountFen = -100, reason = "首期交存多记 1 元" })).ShouldBe<EntryView>(HttpStatusCode.Created);
        Assert.Equal("Correction", created.Kind);
        Assert.Equal(target.Id, created.CorrectsEntryId);
        Assert.Equal(household.BalanceFen - 100, created.BalanceAfterFen);
        var unchanged = await api.WithDb(db => db.FundEntries.AsNoTracking().SingleAsync(e => e.Id == target.Id));
        Assert.Equal(target.AmountFen, unchanged.AmountFen);
        await _fund.AssertInvariant(demo.CommunityA);

        var other = (await _fund.Households(demo.CommunityA)).First(h => h.Id != household.Id);
        var e = await Assert.ThrowsAsync<DomainRuleViolation>(() => _fund.Post(new FundPosting(other.Id, FundEntryKind.Correction, 5,
            $"c:{Guid.NewGuid()}", "错户更正", CorrectsEntryId: target.Id)));
        Assert.Equal("fund_correction_target_missing", e.Code);
    }

    [Theory]
    [InlineData(2_999, true)]
    [InlineData(3_000, false)]   // exactly 30% is not "below 30%"
    [InlineData(3_001, false)]
    [InlineData(0, true)]
    public void The_30_percent_rule_flags_strictly_below_the_threshold(long balanceFen, bool flagged) =>
        Assert.Equal(flagged, FundHousehold.IsLow(balanceFen, 10_000, 30));

    [Fact]
    public async Task Falling_below_30_percent_is_flagged_for_the_committee_and_notified_to_the_household_once()
    {
        var demo = await Demo.Of(api);
        var household = (await _fund.Households(demo.CommunityB)).Skip(20).First(h => h.BalanceFen == h.InitialDepositFen);
        var keep30 = (household.InitialDepositFen * 30 + 99) / 100;   // the smallest balance that is ≥ 30%
        await _fund.Post(new FundPosting(household.Id, FundEntryKind.WorksCharge, -(household.BalanceFen - keep30), $"t30:{household.Id}:a", "降至 30%"));
        var committee = await api.ClientFor("committee-b");
        var low = await (await committee.GetAsync($"/api/v1/communities/{demo.CommunityB}/fund/households?lowOnly=true"))
            .ShouldBe<List<HouseholdView>>(HttpStatusCode.OK);
        Assert.DoesNotContain(low, h => h.HouseholdId == household.Id);
        Assert.Equal(0, await LowEvents(household.UnitId));

        await _fund.Post(new FundPosting(household.Id, FundEntryKind.WorksCharge, -1, $"t30:{household.Id}:b", "再少 1 分"));
        low = await (await committee.GetAsync($"/api/v1/communities/{demo.CommunityB}/fund/households?lowOnly=true"))
            .ShouldBe<List<HouseholdView>>(HttpStatusCode.OK);
        Assert.Contains(low, h => h.HouseholdId == household.Id);
        await _fund.Post(new FundPosting(household.Id, FundEntryKind.WorksCharge, -1, $"t30:{household.Id}:c", "继续减少"));
        Assert.Equal(1, await LowEvents(household.UnitId));
    }

    [Fact]
    public async Task A_resident_reads_their_own_household_ledger_and_not_a_neighbours()
    {
        var resident = await api.ClientFor("resident-a");
        var mine = await (await resident.GetAsync("/api/v1/fund/mine")).ShouldBe<List<MyHouseholdView>>(HttpStatusCode.OK);
        Assert.NotEmpty(mine);
        var unit = mine[0].Household.UnitId;
        var ledger = await (await resident.GetAsync($"/api/v1/units/{unit}/fund-ledger")).ShouldBe<HouseholdLedgerView>(HttpStatusCode.OK);
        Assert.Equal(ledger.Household.BalanceFen, ledger.Entries.Sum(e => e.AmountFen));
        var demo = await Demo.Of(api);
        var neighbour = (await _fund.Households(demo.CommunityA)).First(h => mine.All(m => m.Household.UnitId != h.UnitId));
        // The community is visible to its residents, a neighbour's household ledger is not theirs: forbidden.
        await (await resident.GetAsync($"/api/v1/units/{neighbour.UnitId}/fund-ledger")).ShouldBeProblem(HttpStatusCode.Forbidden);
        var street = await api.ClientFor("street-officer");
        await (await street.GetAsync($"/api/v1/units/{neighbour.UnitId}/fund-ledger")).ShouldBe<HouseholdLedgerView>(HttpStatusCode.OK);
        var account = await (await street.GetAsync($"/api/v1/communities/{demo.CommunityA}/fund")).ShouldBe<FundAccountView>(HttpStatusCode.OK);
        Assert.Equal(account.BalanceFen, account.HouseholdsSumFen);
        await (await resident.GetAsync($"/api/v1/communities/{demo.CommunityA}/fund")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    private Task<int> LowEvents(Guid unitId)
    {
        var id = unitId.ToString();
        return api.WithDb(db => db.OutboxEvents.CountAsync(e => e.Kind == FundEvents.LowBalanceKind && e.PayloadJson.Contains(id)));
    }
}
