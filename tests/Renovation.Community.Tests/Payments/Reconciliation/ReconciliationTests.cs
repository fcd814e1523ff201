using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Common.Text;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Payments.Reconciliation;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Places;
using Renovation.Community.WeChatSimulator.Faults;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.Tests.Payments.Reconciliation;

/// <summary>
/// The daily reconciliation against the simulator's trade bill of the day, with differences planted in the bill
/// (<see cref="BillFaults"/>). Each test plants its own orders, so they share the day without interfering.
/// </summary>
public sealed class ReconciliationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PaymentsWorld _world = new(api);

    [Fact]
    public async Task Each_discrepancy_kind_is_found_on_a_fixture_day()
    {
        var agreeing = await PaidPayment();
        var omitted = await PaidPayment();
        var silent = await PaidAtWeChatOnly();
        var otherAmount = await PaidPayment(amountFen: 5000);
        var revoked = await PaidPayment();
        var twice = await PaidPayment();
        var (refunded, refundNo) = await PaidAndRefunded();
        var unknown = "PUNKNOWN" + Guid.NewGuid().ToString("N")[..16];
        api.WeChat.BillFaults.Omit(omitted.OutTradeNo);
        api.WeChat.BillFaults.ChangeAmount(otherAmount.OutTradeNo, 4999);
        api.WeChat.BillFaults.ChangeState(revoked.OutTradeNo, "REVOKED");
        api.WeChat.BillFaults.Duplicate(twice.OutTradeNo);
        api.WeChat.BillFaults.ChangeAmount(refundNo, 1);
        var day = BillDateOf(agreeing);
        api.WeChat.BillFaults.AddSuccessRow(day, unknown, 777);

        var outcome = await Run(day);

        Assert.Equal(ReconcileStatus.Reconciled, outcome.Status);
        var found = (await Discrepancies(day)).ToLookup(d => d.Reference);
        Assert.Empty(found[agreeing.OutTradeNo]);
        Assert.Equal(DiscrepancyKind.PaidWithUsMissingFromBill, Assert.Single(found[omitted.OutTradeNo]).Kind);
        Assert.Equal(DiscrepancyKind.PaidAtWeChatNotWithUs, Assert.Single(found[silent.OutTradeNo]).Kind);
        var amount = Assert.Single(found[otherAmount.OutTradeNo]);
        Assert.Equal((DiscrepancyKind.AmountMismatch, 4999L, 5000L), (amount.Kind, amount.BillAmountFen!.Value, amount.OurAmountFen!.Value));
        Assert.Equal(DiscrepancyKind.StateMismatch, Assert.Single(found[revoked.OutTradeNo]).Kind);
        Assert.Equal(DiscrepancyKind.DuplicateRow, Assert.Single(found[twice.OutTradeNo]).Kind);
        Assert.Empty(found[refunded.OutTradeNo]);
        Assert.Equal(DiscrepancyKind.RefundMismatch, Assert.Single(found[refundNo]).Kind);
        var stranger = Assert.Single(found[unknown]);
        Assert.Equal((DiscrepancyKind.PaidAtWeChatNotWithUs, false, (Guid?)null), (stranger.Kind, stranger.Healed, stranger.PaymentId));
    }

    [Fact]
    public async Task A_payment_paid_at_WeChat_but_not_with_us_is_healed_and_credited_exactly_once()
    {
        var silent = await PaidAtWeChatOnly();
        var day = BillDateOf(silent);

        // Several runs of the day at once (the job on two nodes and an admin): one credit, one record.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Run(day)));
        await Run(day);

        Assert.All(outcomes, o => Assert.Equal(ReconcileStatus.Reconciled, o.Status));
        var payment = await _world.Row(silent.Id);
        Assert.Equal(PaymentState.Paid, payment.State);
        Assert.Equal(1, await _world.PurposeCredits(silent.Id));
        var record = Assert.Single(await Discrepancies(day), d => d.Reference == silent.OutTradeNo);
        Assert.True(record.Healed);
        Assert.Equal(DiscrepancyKind.PaidAtWeChatNotWithUs, record.Kind);
    }

    [Fact]
    public async Task A_second_run_of_a_day_changes_nothing()
    {
        var omitted = await OmittedFromBill();
        await PaidAtWeChatOnly();
        var day = BillDateOf(omitted);
        await Run(day);
        var before = await Snapshot(day);

        var again = await Run(day);

        Assert.Equal(0, again.DiscrepanciesNew);
        Assert.Equal(0, again.Healed);
        Assert.Equal(before, await Snapshot(day));
    }

    [Fact]
    public async Task A_bill_failing_its_SHA1_check_is_refused_and_nothing_is_stored()
    {
        var payment = await OmittedFromBill();
        var day = BillDateOf(payment);
        api.WeChat.Faults.Inject(SimulatorPaths.BillDownload, Fault.CorruptBill(), 1);
        var before = await Snapshot(day);

        await (await (await api.ClientFor("finance")).PostAsync($"/api/v1/reconciliation/days/{day:yyyy-MM-dd}/run", null))
            .ShouldBeProblem(HttpStatusCode.BadGateway, "bill_hash_mismatch");

        Assert.Equal(before, await Snapshot(day));
    }

    [Theory]
    [InlineData("NO_STATEMENT_EXIST")]
    [InlineData("STATEMENT_CREATING")]
    public async Task A_bill_that_is_not_ready_means_try_later(string code)
    {
        var day = ChinaToday();
        api.WeChat.Faults.Inject(SimulatorPaths.TradeBill, Fault.PayError(400, code), 1);
        var before = await Snapshot(day);

        var outcome = await Run(day);

        Assert.Equal((ReconcileStatus.TryLater, code), (outcome.Status, outcome.TryLaterCode));
        Assert.Equal(before, await Snapshot(day));
    }

    [Fact]
    public async Task A_past_day_without_a_bill_is_reconciled_with_zero_rows_and_what_we_credited_that_day_is_missing()
    {
        // WeChat answers NO_STATEMENT_EXIST for a day without transactions; this day is long past the bill's hour.
        var day = ChinaToday().AddDays(-45);
        var credited = await PaidPayment();
        var (from, _) = BillMatcher.DayBounds(day);
        await api.WithDb(db => db.Payments.Where(p => p.Id == credited.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PaidAt, from.AddHours(5))));

        var outcome = await Run(day);
        var again = await Run(day);

        Assert.Equal((ReconcileStatus.Reconciled, 0L), (outcome.Status, outcome.BillRows));
        Assert.Equal(0, again.DiscrepanciesNew);
        var stored = await api.WithDb(db => db.ReconciliationDays.AsNoTracking().SingleAsync(d => d.BillDate == day));
        Assert.Equal((0L, DailyReconciliation.NoBillSha1), (stored.BillRows, stored.Sha1));
        var missing = Assert.Single(await Discrepancies(day));
        Assert.Equal((DiscrepancyKind.PaidWithUsMissingFromBill, credited.OutTradeNo), (missing.Kind, missing.Reference));
    }

    [Fact]
    public async Task No_bill_before_the_hour_it_is_due_means_try_later_not_a_day_without_transactions()
    {
        Assert.True(api.Clock.GetUtcNow() < DailyReconciliation.BillDueAt(ChinaToday()));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero), DailyReconciliation.BillDueAt(new DateOnly(2026, 11, 27)));
        api.WeChat.Faults.Inject(SimulatorPaths.TradeBill, Fault.PayError(400, "NO_STATEMENT_EXIST"), 1);

        var outcome = await Run(ChinaToday());

        Assert.Equal((ReconcileStatus.TryLater, "NO_STATEMENT_EXIST"), (outcome.Status, outcome.TryLaterCode));
    }

    [Fact]
    public async Task A_finance_officer_explains_and_resolves_a_discrepancy_with_a_note_and_resolved_is_final()
    {
        var omitted = await OmittedFromBill();
        var day = BillDateOf(omitted);
        await Run(day);
        var record = Assert.Single(await Discrepancies(day), d => d.Reference == omitted.OutTradeNo);
        var finance = await api.ClientFor("finance");

        var explained = await (await finance.PostJson($"/api/v1/reconciliation/discrepancies/{record.Id}/explain", new { note = "次日账单已包含" }))
            .ShouldBe<DiscrepancyView>(HttpStatusCode.OK);
        var resolved = await (await finance.PostJson($"/api/v1/reconciliation/discrepancies/{record.Id}/resolve", new { note = "已与微信支付核实" }))
            .ShouldBe<DiscrepancyView>(HttpStatusCode.OK);

        Assert.Equal((DiscrepancyState.Explained, "次日账单已包含"), (explained.State, explained.Note));
        Assert.Equal(DiscrepancyState.Resolved, resolved.State);
        Assert.NotNull(resolved.NotedBy);
        await (await finance.PostJson($"/api/v1/reconciliation/discrepancies/{record.Id}/explain", new { note = "再改" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "discrepancy_already_resolved");
        await (await finance.PostJson($"/api/v1/reconciliation/discrepancies/{record.Id}/explain", new { note = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await (await api.ClientFor("chair-a")).PostJson($"/api/v1/reconciliation/discrepancies/{record.Id}/resolve", new { note = "越权" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Resolving_one_discrepancy_many_times_at_once_resolves_it_once_and_the_others_hear_it_is_already_resolved()
    {
        var omitted = await OmittedFromBill();
        var day = BillDateOf(omitted);
        await Run(day);
        var record = Assert.Single(await Discrepancies(day), d => d.Reference == omitted.OutTradeNo);
        var finance = await api.ClientFor("finance");
        var entityId = record.Id.ToString();

        await Race.ExactlyOneEffect(api, Race.DefaultRacers,
            () => finance.PostJson($"/api/v1/reconciliation/discrepancies/{record.Id}/resolve", new { note = "已与微信支付核实" }),
            db => db.AuditLog.CountAsync(a => a.EntityId == entityId),
            HttpStatusCode.OK, HttpStatusCode.Conflict, "discrepancy_already_resolved");
    }

    [Fact]
    public async Task The_committee_reads_owners_money_and_the_property_company_service_money_of_their_community()
    {
        var demo = await Demo.Of(api);
        var fund = await PaidPayment(amountFen: 300, owner: MoneyOwner.Owners);
        var service = await PaidPayment(amountFen: 400, owner: MoneyOwner.PropertyCompany);
        var day = BillDateOf(fund);
        await Run(day);
        var url = $"/api/v1/communities/{demo.CommunityA}/reconciliation/reports?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}";

        var committee = await (await (await api.ClientFor("chair-a")).GetAsync(url)).ShouldBe<List<ReportLineView>>(HttpStatusCode.OK);
        var company = await (await (await api.ClientFor("property-a")).GetAsync(url)).ShouldBe<List<ReportLineView>>(HttpStatusCode.OK);
        var street = await (await (await api.ClientFor("street-officer")).GetAsync(url)).ShouldBe<List<ReportLineView>>(HttpStatusCode.OK);

        Assert.All(committee, l => Assert.Equal(MoneyOwner.Owners, l.Owner));
        Assert.All(company, l => Assert.Equal(MoneyOwner.PropertyCompany, l.Owner));
        Assert.True(committee.Single(l => l.Purpose == TestPaymentPurpose.PurposeName).PaidFen >= 300);
        Assert.True(company.Single(l => l.Purpose == TestPaymentPurpose.PurposeName).PaidFen >= 400);
        Assert.Equal(2, street.Count(l => l.Purpose == TestPaymentPurpose.PurposeName));
        await (await (await api.ClientFor("resident-a")).GetAsync(url)).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await (await api.ClientFor("committee-b")).GetAsync(url)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_committee_downloads_its_reports_as_xlsx_and_csv_with_the_same_figures()
    {
        var demo = await Demo.Of(api);
        var fund = await PaidPayment(amountFen: 250, owner: MoneyOwner.Owners);
        var day = BillDateOf(fund);
        await Run(day);
        var range = $"from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}";
        var chair = await api.ClientFor("chair-a");
        var report = (await (await chair.GetAsync($"/api/v1/communities/{demo.CommunityA}/reconciliation/reports?{range}"))
            .ShouldBe<List<ReportLineView>>(HttpStatusCode.OK)).Single(l => l.Purpose == TestPaymentPurpose.PurposeName);

        var xlsx = await chair.GetAsync($"/api/v1/communities/{demo.CommunityA}/reconciliation/reports/download?{range}&format=xlsx");
        Assert.Equal(Spreadsheet.XlsxMediaType, xlsx.Content.Headers.ContentType?.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        var rows = RegisterFileTests.SheetRows(bytes);
        Assert.Equal(["日期", "资金归属", "用途", "收款笔数", "收款金额（元）", "退款笔数", "退款金额（元）", "手续费（元）", "差错数"], rows[0]);
        var row = Assert.Single(rows.Skip(1), r => r[2] == TestPaymentPurpose.PurposeName);
        Assert.Equal(($"{day:yyyy-MM-dd}", "业主共有资金", report.PaidCount, report.PaidFen / 100m),
            (row[0], row[1], long.Parse(row[3]), decimal.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain("<x:f>", RegisterFileTests.SheetXml(bytes));
        Assert.DoesNotContain(rows.Skip(1), r => r[1] == "物业服务收入");

        var csv = System.Text.Encoding.UTF8.GetString(await chair.GetByteArrayAsync(
            $"/api/v1/communities/{demo.CommunityA}/reconciliation/reports/download?{range}"));
        Assert.StartsWith("\uFEFF\"日期\"", csv);
        Assert.Contains(TestPaymentPurpose.PurposeName, csv);
        await (await chair.GetAsync($"/api/v1/communities/{demo.CommunityA}/reconciliation/reports/download?format=pdf"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_query");
        await (await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/reconciliation/reports/download?{range}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Days_with_discrepancies_raise_a_notice_to_whoever_accounts_for_the_money()
    {
        var omitted = await OmittedFromBill(MoneyOwner.PropertyCompany);
        var day = BillDateOf(omitted);
        var demo = await Demo.Of(api);
        var companyId = await api.WithDb(db => db.Communities.Where(c => c.Id == demo.CommunityA).Select(c => c.PropertyCompanyId!.Value).SingleAsync());

        await Run(day);

        var audience = $"role:PropertyStaff:{companyId}";
        Assert.True(await api.WithDb(db => db.OutboxEvents.AnyAsync(e => e.Kind == DailyReconciliation.DiscrepanciesEvent && e.Audience == audience)));
    }

    [Theory]
    [InlineData(1, HttpStatusCode.UnprocessableEntity)]
    [InlineData(-4, HttpStatusCode.UnprocessableEntity)]
    public async Task Only_days_of_the_last_three_months_can_be_reconciled(int monthsFromToday, HttpStatusCode status)
    {
        var day = ChinaToday().AddMonths(monthsFromToday);
        await (await (await api.ClientFor("finance")).PostAsync($"/api/v1/reconciliation/days/{day:yyyy-MM-dd}/run", null))
            .ShouldBeProblem(status, "reconciliation_date_out_of_range");
    }

    [Theory]
    [InlineData("chair-a")]
    [InlineData("property-a")]
    [InlineData("street-officer")]
    [InlineData("resident-a")]
    public async Task Only_finance_officers_and_city_admins_run_a_day(string user)
    {
        await (await (await api.ClientFor(user)).PostAsync($"/api/v1/reconciliation/days/{ChinaToday():yyyy-MM-dd}/run", null))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    private DateOnly ChinaToday() => api.Clock.ChinaToday;

    /// <summary>The China date of the payment as WeChat (the simulator) recorded it: the bill it is on.</summary>
    private DateOnly BillDateOf(Payment payment) =>
        DateOnly.FromDateTime(api.WeChat.Orders.Find(payment.OutTradeNo)!.SuccessTime!.Value.ToChina().DateTime);

    private async Task<Payment> PaidPayment(long amountFen = 1234, MoneyOwner owner = MoneyOwner.Owners)
    {
        var prepay = await _world.Prepay(await _world.NewSubject(amountFen, owner));
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo);
        return await _world.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);
    }

    /// <summary>
    /// A paid payment left out of its day's bill. Another payment of the day agrees, so the bill is never empty: a day
    /// with no rows has no bill at all (NO_STATEMENT_EXIST, "try later"), which a test running first in the class met.
    /// </summary>
    private async Task<Payment> OmittedFromBill(MoneyOwner owner = MoneyOwner.Owners)
    {
        await PaidPayment();
        var omitted = await PaidPayment(owner: owner);
        api.WeChat.BillFaults.Omit(omitted.OutTradeNo);
        return omitted;
    }

    /// <summary>Paid at WeChat, never notified and never asked: we still have it awaiting payment.</summary>
    private async Task<Payment> PaidAtWeChatOnly()
    {
        var prepay = await _world.Prepay(await _world.NewSubject());
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true });
        var row = await _world.Row(prepay.Payment.Id);
        Assert.Equal(PaymentState.AwaitingPayment, row.State);
        return row;
    }

    private async Task<(Payment Payment, string OutRefundNo)> PaidAndRefunded()
    {
        var payment = await PaidPayment(amountFen: 1000);
        var refund = await (await (await api.ClientFor("chair-a")).PostJson($"/api/v1/payments/{payment.Id}/refunds", new { amountFen = 400, reason = "测试退款" }))
            .ShouldBe<RefundView>(HttpStatusCode.Created);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await _world.Refunds(payment.Id)).Single().State != RefundState.Succeeded)
        {
            Assert.True(DateTime.UtcNow < deadline, "the refund did not succeed");
            await Task.Delay(25);
        }
        return (payment, refund.OutRefundNo);
    }

    private async Task<ReconcileOutcome> Run(DateOnly day) =>
        await (await (await api.ClientFor("finance")).PostAsync($"/api/v1/reconciliation/days/{day:yyyy-MM-dd}/run", null))
            .ShouldBe<ReconcileOutcome>(HttpStatusCode.OK);

    private async Task<List<DiscrepancyView>> Discrepancies(DateOnly day) =>
        await (await (await api.ClientFor("finance")).GetAsync($"/api/v1/reconciliation/discrepancies?date={day:yyyy-MM-dd}"))
            .ShouldBe<List<DiscrepancyView>>(HttpStatusCode.OK);

    /// <summary>Everything a run may write, as text: equal snapshots mean nothing changed.</summary>
    private Task<string> Snapshot(DateOnly day) => api.WithDb(async db => JsonSerializer.Serialize(new
    {
        discrepancies = await db.ReconciliationDiscrepancies.AsNoTracking().OrderBy(d => d.Id).ToListAsync(),
        days = await db.ReconciliationDays.AsNoTracking().OrderBy(d => d.BillDate).ToListAsync(),
        lines = await db.ReconciliationReportLines.AsNoTracking().OrderBy(l => l.Id).ToListAsync(),
        payments = await db.Payments.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.State, p.Version }).ToListAsync(),
        outbox = await db.OutboxEvents.CountAsync(),
        audit = await db.AuditLog.CountAsync(),
        incidents = await db.PaymentIncidents.CountAsync(),
    }));
}
