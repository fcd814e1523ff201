using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Payments;

/// <summary>Arranging and observing payments through the API, the simulator and the database.</summary>
public sealed class PaymentsWorld(ApiFactory api)
{
    public async Task<Guid> NewSubject(long amountFen = 1234, MoneyOwner owner = MoneyOwner.Owners, Guid? communityId = null)
    {
        var id = Guid.NewGuid();
        TestPaymentPurpose.Subjects[id] = new TestSubject(amountFen, communityId ?? (await Demo.Of(api)).CommunityA, owner);
        return id;
    }

    public async Task<PrepayView> Prepay(Guid subjectId, string user = "resident-a")
    {
        var client = await api.ClientFor(user);
        return await (await client.PostJson("/api/v1/payments", new { purpose = TestPaymentPurpose.PurposeName, subjectId }))
            .ShouldBe<PrepayView>(HttpStatusCode.OK);
    }

    public async Task<PaymentView> Get(Guid paymentId, string user = "resident-a")
    {
        var client = await api.ClientFor(user);
        return await (await client.GetAsync($"/api/v1/payments/{paymentId}")).ShouldBe<PaymentView>(HttpStatusCode.OK);
    }

    public Task<Payment> Row(Guid paymentId) =>
        api.WithDb(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId));

    public Task<List<PaymentRefund>> Refunds(Guid paymentId) =>
        api.WithDb(db => db.PaymentRefunds.AsNoTracking().Where(r => r.PaymentId == paymentId).OrderBy(r => r.Sequence).ToListAsync());

    /// <summary>How many times the purpose's handler committed its effect for the payment.</summary>
    public Task<int> PurposeCredits(Guid paymentId) => CountEvents(TestPaymentPurpose.CreditedKind, paymentId);

    /// <summary>Outbox events of a kind whose payload names the payment.</summary>
    public Task<int> CountEvents(string kind, Guid paymentId)
    {
        var id = paymentId.ToString();
        return api.WithDb(db => db.OutboxEvents.CountAsync(e => e.Kind == kind && e.PayloadJson.Contains(id)));
    }

    public Task<List<PaymentIncident>> Incidents(Guid paymentId, string outTradeNo) =>
        api.WithDb(db => db.PaymentIncidents.AsNoTracking().Where(i => i.PaymentId == paymentId || i.Reference == outTradeNo).ToListAsync());

    public async Task<Payment> WaitFor(Guid paymentId, Func<Payment, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var row = await Row(paymentId);
            if (done(row))
                return row;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Payment {paymentId} is still {row.State}/{row.Acceptance}");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until the simulator has made <paramref name="count"/> deliveries for the order, then lets them land.</summary>
    public async Task WaitForDeliveries(string outTradeNo, int count, Func<Renovation.Community.WeChatSimulator.Pay.NotificationDelivery, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (api.WeChat.NotificationDeliveries.Count(d => d.OutTradeNo == outTradeNo && (match?.Invoke(d) ?? true)) < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Fewer than {count} deliveries for {outTradeNo}: {string.Join("; ", api.WeChat.NotificationDeliveries.Where(d => d.OutTradeNo == outTradeNo))}");
            await Task.Delay(20);
        }
    }
}
