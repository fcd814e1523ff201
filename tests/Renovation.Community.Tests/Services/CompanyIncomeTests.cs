using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Services;

/// <summary>The company's service income across its communities, per day and per month, matching the Payments views.</summary>
public sealed class CompanyIncomeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    /// <summary>A second community company A serves, with resident-a bound to a unit in it too.</summary>
    private Task<(Guid CommunityId, Guid UnitId)> SecondCommunityOfCompanyA(Demo demo) => api.WithDb(async db =>
    {
        var community = new ResidentialCommunity(demo.StreetId, "春晖苑" + Guid.NewGuid().ToString("N")[..4], "春晖路 8 号", 1995);
        community.AssignPropertyCompany(demo.CompanyA);
        var building = new Building(community.Id, "1幢");
        var party = new OwnerParty(community.Id, OwnerPartyKind.Person, "王五", [("王五", "2222")]);
        var unit = new Unit(community.Id, building.Id, "201", 9000, AreaBasis.Registered, "证2", party.Id);
        var residentId = await db.Users.Where(u => u.OpenId == AuthApi.DevOpenId("resident-a")).Select(u => u.Id).SingleAsync();
        var binding = new UnitBinding(residentId, unit.Id, community.Id, "王五", "2222", "证2", true, api.Clock.GetUtcNow());
        binding.Approve(residentId, api.Clock.GetUtcNow());
        db.AddRange(community, building, party, unit, binding);
        await db.SaveChangesAsync();
        return (community.Id, unit.Id);
    });

    [Fact]
    public async Task Company_income_adds_up_its_communities_per_day_and_month_and_matches_the_payments()
    {
        var demo = await Demo.Of(api);
        var second = await SecondCommunityOfCompanyA(demo);
        var inA = await _world.NewItem(slotCapacity: null, priceFen: 5000);
        var inSecond = await _world.NewItem(slotCapacity: null, priceFen: 7000, communityId: second.CommunityId);
        var kept = await _world.Paid(inA);
        var declined = await _world.Paid(inA);
        await _world.Move(declined.Id, "decline", "property-a", new { reason = "人手不足" });
        var elsewhere = await _world.Paid(inSecond, unitId: second.UnitId);
        var paidAt = (await _world.Get(kept.Id)).PaidAt!.Value.ToChina();
        var month = paidAt.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var staff = await api.ClientFor("property-a");

        var income = await (await staff.GetAsync($"/api/v1/property-companies/{demo.CompanyA}/service-income?month={month}"))
            .ShouldBe<CompanyServiceIncomeView>(HttpStatusCode.OK);
        Assert.Equal((3, 17000L, 5000L, 12000L), (income.Orders, income.PaidFen, income.RefundFen, income.NetFen));
        Assert.Equal(income.PaidFen, income.Periods.Sum(p => p.PaidFen));
        Assert.All(income.Periods, p => Assert.StartsWith(month + "-", p.Period));
        var a = Assert.Single(income.Communities, c => c.CommunityId == demo.CommunityA);
        var b = Assert.Single(income.Communities, c => c.CommunityId == second.CommunityId);
        Assert.Equal((2, 10000L, 5000L, 5000L), (a.Orders, a.PaidFen, a.RefundFen, a.NetFen));
        Assert.Equal((1, 7000L, 0L, 7000L), (b.Orders, b.PaidFen, b.RefundFen, b.NetFen));
        Assert.Equal(2, income.Communities.Count);

        // Per month of the year: the same totals under the month.
        var year = await (await staff.GetAsync($"/api/v1/property-companies/{demo.CompanyA}/service-income?year={paidAt.Year}"))
            .ShouldBe<CompanyServiceIncomeView>(HttpStatusCode.OK);
        var monthRow = Assert.Single(year.Periods, p => p.Period == month);
        Assert.Equal((income.Orders, income.PaidFen, income.NetFen), (monthRow.Orders, monthRow.PaidFen, monthRow.NetFen));

        // Each community's figure is its per-community view, and its paid fen are the accepted service payments Payments lists.
        foreach (var community in income.Communities)
        {
            var own = await (await staff.GetAsync($"/api/v1/communities/{community.CommunityId}/service-income?month={month}"))
                .ShouldBe<ServiceIncomeView>(HttpStatusCode.OK);
            Assert.Equal((own.PaidFen, own.RefundFen, own.NetFen), (community.PaidFen, community.RefundFen, community.NetFen));
            var payments = await (await staff.GetAsync($"/api/v1/communities/{community.CommunityId}/payments"))
                .ShouldBe<List<PaymentView>>(HttpStatusCode.OK);
            var accepted = payments.Where(p => p.Purpose == ServiceOrderPurpose.PurposeName && p.Acceptance == PaymentAcceptanceState.Accepted
                && p.PaidAt?.ToChina().ToString("yyyy-MM", CultureInfo.InvariantCulture) == month).ToList();
            Assert.Equal(community.PaidFen, accepted.Sum(p => p.AmountFen));
            Assert.Equal(community.Orders, accepted.Count);
        }
        Assert.Contains(elsewhere.Id, await api.WithDb(db => db.Payments.Where(p => p.CommunityId == second.CommunityId).Select(p => p.SubjectId).ToListAsync()));
    }

    [Fact]
    public async Task Only_the_companys_staff_see_its_income_and_the_period_must_be_a_month_or_a_year()
    {
        var demo = await Demo.Of(api);
        var staff = await api.ClientFor("property-a");
        foreach (var query in new[] { "", "?month=2026-13", "?month=2026-1", "?year=26", "?month=2026-11&year=2026" })
            await (await staff.GetAsync($"/api/v1/property-companies/{demo.CompanyA}/service-income{query}"))
                .ShouldBeProblem(HttpStatusCode.BadRequest);
        foreach (var outsider in new[] { "property-b", "resident-a", "committee-a", "street-officer" })
            await (await (await api.ClientFor(outsider)).GetAsync($"/api/v1/property-companies/{demo.CompanyA}/service-income?month=2026-11"))
                .ShouldBeProblem(HttpStatusCode.NotFound, "company_not_found");
        var empty = await (await staff.GetAsync($"/api/v1/property-companies/{demo.CompanyA}/service-income?month=2001-01"))
            .ShouldBe<CompanyServiceIncomeView>(HttpStatusCode.OK);
        Assert.Equal((0, 0L), (empty.Orders, empty.PaidFen));
    }
}
