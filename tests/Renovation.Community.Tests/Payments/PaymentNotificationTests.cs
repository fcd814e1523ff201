using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.Tests.Payments;

/// <summary>Prepay, WeChat's notifications (genuine, repeated, forged, wrong) and the payer's poll.</summary>
public sealed class PaymentNotificationTests(PaymentNotificationTests.Factory api) : IClassFixture<PaymentNotificationTests.Factory>
{
    /// <summary>A poll interval no slow test machine outruns.</summary>
    public sealed class Factory : ApiFactory
    {
        // Its settings do not touch the demo data: it starts on a copy of the run's seeded template.
        protected override bool SharesSeededTemplate => true;

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Payments:QueryMinIntervalSeconds"] = "60",
        };
    }

    private readonly PaymentsWorld _world = new(api);

    [Fact]
    public async Task Prepay_prices_on_the_server_and_returns_wx_requestPayment_parameters()
    {
        var subject = await _world.NewSubject(amountFen: 2599);
        var prepay = await _world.Prepay(subject);

        Assert.Equal(PaymentState.AwaitingPayment, prepay.Payment.State);
        Assert.Equal(2599, prepay.Payment.AmountFen);
        Assert.StartsWith("prepay_id=", prepay.RequestPayment.Package);
        Assert.Equal("RSA", prepay.RequestPayment.SignType);
        Assert.False(string.IsNullOrEmpty(prepay.RequestPayment.PaySign));
        var order = api.WeChat.Orders.Find(prepay.Payment.OutTradeNo);
        Assert.NotNull(order);
        Assert.Equal(2599, order.TotalFen);
    }

    [Fact]
    public async Task Asking_again_for_the_same_unpaid_order_returns_the_same_prepay()
    {
        var subject = await _world.NewSubject();
        var first = await _world.Prepay(subject);
        var second = await _world.Prepay(subject);

        Assert.Equal(first.Payment.Id, second.Payment.Id);
        Assert.Equal(first.RequestPayment.Package, second.RequestPayment.Package);
    }

    [Theory]
    [InlineData("POST", "/api/v1/payments", "{\"purpose\":\"\",\"subjectId\":\"00000000-0000-0000-0000-000000000000\"}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("POST", "/api/v1/payments", "[]", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("POST", "/api/v1/payments/{random}/refunds", "{\"amountFen\":0,\"reason\":\"x\"}", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("POST", "/api/v1/payments/{random}/refunds", "{\"amountFen\":1,\"reason\":\"x\"}", HttpStatusCode.NotFound, "payment_not_found")]
    [InlineData("GET", "/api/v1/payments/{random}", "", HttpStatusCode.NotFound, "payment_not_found")]
    public async Task Bad_payment_input_is_a_coded_problem_and_writes_nothing(string method, string path, string body, HttpStatusCode status, string code)
    {
        var client = await api.ClientFor("chair-a");
        var before = await RowCounts.Settled(api);
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{random}", Guid.NewGuid().ToString()));
        if (body.Length > 0)
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        await (await client.SendAsync(request)).ShouldBeProblem(status, code);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task An_unsigned_post_to_the_notify_url_gets_a_FAIL_answer_and_nothing_is_kept()
    {
        using var anonymous = api.CreateClient();
        var before = await RowCounts.Settled(api);
        var response = await anonymous.PostAsync("/api/v1/payments/wechat-notify",
            new StringContent("{\"id\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("FAIL", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task An_unknown_purpose_is_not_found_and_writes_nothing()
    {
        var client = await api.ClientFor("resident-a");
        var before = await RowCounts.Settled(api);
        await (await client.PostJson("/api/v1/payments", new { purpose = "no-such-purpose", subjectId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "payment_purpose_not_found");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task A_genuine_notification_credits_the_payment_and_tells_the_payer()
    {
        var prepay = await _world.Prepay(await _world.NewSubject());
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo);

        var paid = await _world.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);
        Assert.Equal(PaymentAcceptanceState.Accepted, paid.Acceptance);
        Assert.NotNull(paid.TransactionId);
        Assert.Equal(1, await _world.PurposeCredits(paid.Id));
        Assert.Equal(1, await _world.CountEvents(PaymentEvents.Paid, paid.Id));
        var view = await _world.Get(paid.Id);
        Assert.Equal(PaymentState.Paid, view.State);
    }

    [Fact]
    public async Task Ten_copies_of_one_notification_credit_once()
    {
        var prepay = await _world.Prepay(await _world.NewSubject());
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { Duplicates = 9 });
        await _world.WaitForDeliveries(prepay.Payment.OutTradeNo, 10, d => d.Succeeded);

        var paid = await _world.Row(prepay.Payment.Id);
        Assert.Equal(PaymentState.Paid, paid.State);
        Assert.Equal(1, await _world.PurposeCredits(paid.Id));
        Assert.Equal(1, await _world.CountEvents(PaymentEvents.Paid, paid.Id));
        var kept = await api.WithDb(db => Task.FromResult(db.PaymentNotifications.Where(n => n.OutTradeNo == paid.OutTradeNo).ToList()));
        Assert.Equal(10, kept.Count);
        Assert.Single(kept, n => n.Outcome == NotificationOutcome.Credited);
    }

    [Theory]
    [InlineData(NotificationTamper.ForgedSignature)]
    [InlineData(NotificationTamper.SignTestProbe)]
    [InlineData(NotificationTamper.StaleTimestamp)]
    [InlineData(NotificationTamper.WrongApiV3Key)]
    public async Task A_forged_SIGNTEST_stale_or_undecryptable_notification_credits_nothing_and_is_retried(NotificationTamper tamper)
    {
        var prepay = await _world.Prepay(await _world.NewSubject());
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { Tamper = tamper, TamperedAttempts = 3 });
        await _world.WaitForDeliveries(prepay.Payment.OutTradeNo, 3, d => d.Tamper == tamper);

        var refused = api.WeChat.NotificationDeliveries.Where(d => d.OutTradeNo == prepay.Payment.OutTradeNo && d.Tamper == tamper).ToList();
        Assert.All(refused, d => Assert.False(d.Succeeded));
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains(api.WeChat.ClientSettings.ApiV3Key));
        // WeChat retries; the first genuine delivery then credits once.
        var paid = await _world.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);
        Assert.Equal(1, await _world.PurposeCredits(paid.Id));
        var kept = await api.WithDb(db => Task.FromResult(db.PaymentNotifications.Count(n => n.OutTradeNo == paid.OutTradeNo)));
        Assert.Equal(1, kept);
    }

    [Fact]
    public async Task The_paid_time_WeChat_reports_in_China_time_is_stored_as_UTC()
    {
        var prepay = await _world.Prepay(await _world.NewSubject());
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo);
        await _world.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);

        // Read back from the database by a fresh context: the stored value, not what the settling context held.
        var stored = (await _world.Row(prepay.Payment.Id)).PaidAt!.Value;
        var reported = api.WeChat.Orders.Find(prepay.Payment.OutTradeNo)!.SuccessTime!.Value;
        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.Equal(reported.ToUnixTimeSeconds(), stored.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_notification_with_the_wrong_amount_records_an_incident_and_credits_nothing()
    {
        var prepay = await _world.Prepay(await _world.NewSubject(amountFen: 5000));
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { ReportedAmountFen = 1 });
        await _world.WaitForDeliveries(prepay.Payment.OutTradeNo, 1, d => d.Succeeded);

        var row = await _world.Row(prepay.Payment.Id);
        Assert.Equal(PaymentState.AwaitingPayment, row.State);
        Assert.Equal(0, await _world.PurposeCredits(row.Id));
        var incident = Assert.Single(await _world.Incidents(row.Id, row.OutTradeNo));
        Assert.Equal(PaymentIncidentKind.WrongAmount, incident.Kind);
        Assert.Equal(5000, incident.ExpectedFen);
        Assert.Equal(1, incident.ReportedFen);
    }

    [Fact]
    public async Task A_notification_for_an_order_we_never_issued_is_an_incident()
    {
        // An order placed at the simulator directly, not through us: WeChat then notifies a number we do not know.
        var pay = api.Services.GetRequiredService<Renovation.Community.WeChat.Pay.IWeChatPayClient>();
        var outTradeNo = "X" + Guid.NewGuid().ToString("N")[..20];
        await pay.CreateJsapiOrderAsync(new Renovation.Community.WeChat.Pay.Orders.JsapiOrderRequest("陌生订单", outTradeNo, 100, "o-stranger"));
        await api.WeChat.PayAsync(outTradeNo);
        await _world.WaitForDeliveries(outTradeNo, 1, d => d.Succeeded);

        var incident = Assert.Single(await _world.Incidents(Guid.Empty, outTradeNo));
        Assert.Equal(PaymentIncidentKind.UnknownOrder, incident.Kind);
    }

    [Fact]
    public async Task Without_a_notification_the_payers_poll_asks_WeChat_and_credits_once()
    {
        var prepay = await _world.Prepay(await _world.NewSubject());
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true });

        var view = await _world.Get(prepay.Payment.Id);
        Assert.Equal(PaymentState.Paid, view.State);
        await _world.Get(prepay.Payment.Id);
        Assert.Equal(1, await _world.PurposeCredits(prepay.Payment.Id));
    }

    [Fact]
    public async Task The_payers_poll_asks_WeChat_at_most_once_per_interval()
    {
        var prepay = await _world.Prepay(await _world.NewSubject());
        await _world.Get(prepay.Payment.Id);
        var firstQuery = (await _world.Row(prepay.Payment.Id)).LastQueriedAt;
        Assert.NotNull(firstQuery);
        for (var i = 0; i < 4; i++)
            Assert.Equal(PaymentState.AwaitingPayment, (await _world.Get(prepay.Payment.Id)).State);
        // Each query takes the slot by moving LastQueriedAt; within the interval nobody took it again.
        Assert.Equal(firstQuery, (await _world.Row(prepay.Payment.Id)).LastQueriedAt);
    }

    [Fact]
    public async Task Another_resident_and_the_property_company_cannot_see_owners_money_but_the_committee_can()
    {
        var prepay = await _world.Prepay(await _world.NewSubject(owner: MoneyOwner.Owners));
        var id = prepay.Payment.Id;
        foreach (var outsider in new[] { "coowner-a", "resident-b", "property-a", "committee-b" })
            await (await (await api.ClientFor(outsider)).GetAsync($"/api/v1/payments/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "payment_not_found");
        Assert.Equal(id, (await _world.Get(id, "committee-a")).Id);
        Assert.Equal(id, (await _world.Get(id, "street-officer")).Id);

        var demo = await Demo.Of(api);
        var listed = await (await (await api.ClientFor("property-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/payments"))
            .ShouldBe<List<PaymentView>>(HttpStatusCode.OK);
        Assert.DoesNotContain(listed, p => p.Id == id);
        var committee = await (await (await api.ClientFor("committee-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/payments"))
            .ShouldBe<List<PaymentView>>(HttpStatusCode.OK);
        Assert.Contains(committee, p => p.Id == id);
    }

    [Fact]
    public async Task The_property_company_sees_its_service_money_and_the_committee_does_not()
    {
        var prepay = await _world.Prepay(await _world.NewSubject(owner: MoneyOwner.PropertyCompany));
        Assert.Equal(prepay.Payment.Id, (await _world.Get(prepay.Payment.Id, "property-a")).Id);
        await (await (await api.ClientFor("committee-a")).GetAsync($"/api/v1/payments/{prepay.Payment.Id}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "payment_not_found");
    }
}
