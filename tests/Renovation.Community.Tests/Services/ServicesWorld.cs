using Renovation.Community.Application.Features.Identity;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Payments;

namespace Renovation.Community.Tests.Services;

/// <summary>Arranging and observing paid services through the API, the WeChat simulator and the database.</summary>
public sealed class ServicesWorld(ApiFactory api)
{
    private readonly PaymentsWorld _payments = new(api);

    public async Task<ServiceItemView> NewItem(int? slotCapacity = 3, long priceFen = 5000,
        CancellationPolicy policy = CancellationPolicy.FullRefund, long? lateCancelRefundFen = null, string staff = "property-a",
        Guid? communityId = null)
    {
        var demo = await Demo.Of(api);
        var client = await api.ClientFor(staff);
        var item = await (await client.PostJson("/api/v1/service-items", new
        {
            category = "Cleaning",
            title = "日常保洁",
            description = "两小时上门保洁",
            priceFen,
            unit = "次",
            requiresSlot = slotCapacity is not null,
            cancellationPolicy = policy.ToString(),
            lateCancelRefundFen,
            communityIds = new[] { communityId ?? demo.CommunityA },
        })).ShouldBe<ServiceItemView>(HttpStatusCode.Created);
        if (slotCapacity is { } capacity)
        {
            var startsAt = api.Clock.GetUtcNow().AddDays(2);
            await (await client.PostJson($"/api/v1/service-items/{item.Id}/slots",
                new { startsAt, endsAt = startsAt.AddHours(2), capacity })).ShouldBe<ServiceSlotView>(HttpStatusCode.Created);
            item = await (await client.GetAsync($"/api/v1/service-items/{item.Id}")).ShouldBe<ServiceItemView>(HttpStatusCode.OK);
        }
        return item;
    }

    public Task<Guid> UnitOf(string username) => api.WithDb(db => (
        from b in db.UnitBindings
        join u in db.Users on b.UserId equals u.Id
        where u.OpenId == AuthApi.DevOpenId(username)
        select b.UnitId).FirstAsync());

    public async Task<HttpResponseMessage> SendOrder(ServiceItemView item, string resident = "resident-a", int quantity = 1,
        Guid? unitId = null)
    {
        var client = await api.ClientFor(resident);
        return await client.PostJson("/api/v1/service-orders", new
        {
            itemId = item.Id,
            unitId = unitId ?? await UnitOf(resident),
            quantity,
            slotId = item.Slots.Count > 0 ? item.Slots[0].Id : (Guid?)null,
            note = "请上午来",
        });
    }

    public async Task<ServiceOrderView> Order(ServiceItemView item, string resident = "resident-a", int quantity = 1,
        Guid? unitId = null) =>
        await (await SendOrder(item, resident, quantity, unitId)).ShouldBe<ServiceOrderView>(HttpStatusCode.Created);

    public async Task<PrepayView> Prepay(Guid orderId, string resident = "resident-a") =>
        await (await (await api.ClientFor(resident)).PostJson("/api/v1/payments",
            new { purpose = "service-order", subjectId = orderId })).ShouldBe<PrepayView>(HttpStatusCode.OK);

    /// <summary>Prepays, pays in the simulator and waits for the notification to credit it.</summary>
    public async Task<ServiceOrderView> Paid(ServiceItemView item, string resident = "resident-a", Guid? unitId = null)
    {
        var order = await Order(item, resident, unitId: unitId);
        var prepay = await Prepay(order.Id, resident);
        await api.WeChat.PayAsync(prepay.Payment.OutTradeNo);
        await _payments.WaitFor(prepay.Payment.Id, p => p.State == PaymentState.Paid);
        return await Get(order.Id, resident);
    }

    /// <summary>A paid order the company accepted and started.</summary>
    public async Task<ServiceOrderView> InService(ServiceItemView item, string resident = "resident-a")
    {
        var order = await Paid(item, resident);
        await Move(order.Id, "accept", "property-a");
        return await Move(order.Id, "start", "property-a");
    }

    public async Task<HttpResponseMessage> CompleteWithPhoto(Guid orderId, byte[] content, string user = "property-a")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "done.png");
        return await (await api.ClientFor(user)).PostAsync($"/api/v1/service-orders/{orderId}/complete-with-photo", form);
    }

    public int FilesOnDisk() => Directory.Exists(api.FilesRoot)
        ? Directory.EnumerateFiles(api.FilesRoot, "*", SearchOption.AllDirectories).Count()
        : 0;

    public async Task<ServiceOrderView> Get(Guid orderId, string user = "resident-a") =>
        await (await (await api.ClientFor(user)).GetAsync($"/api/v1/service-orders/{orderId}")).ShouldBe<ServiceOrderView>(HttpStatusCode.OK);

    public async Task<HttpResponseMessage> Post(Guid orderId, string verb, string user, object? body = null) =>
        await (await api.ClientFor(user)).PostJson($"/api/v1/service-orders/{orderId}/{verb}", body ?? new { });

    public async Task<ServiceOrderView> Move(Guid orderId, string verb, string user, object? body = null) =>
        await (await Post(orderId, verb, user, body)).ShouldBe<ServiceOrderView>(HttpStatusCode.OK);

    public Task<ServiceSlot> Slot(Guid slotId) => api.WithDb(db => db.ServiceSlots.AsNoTracking().SingleAsync(s => s.Id == slotId));

    public Task<ServiceOrder> Row(Guid orderId) => api.WithDb(db => db.ServiceOrders.AsNoTracking().SingleAsync(o => o.Id == orderId));

    /// <summary>Refunds Payments holds for the order (whatever payment of it they belong to).</summary>
    public Task<List<PaymentRefund>> Refunds(Guid orderId) => api.WithDb(db => db.PaymentRefunds.AsNoTracking()
        .Where(r => db.Payments.Any(p => p.Id == r.PaymentId && p.SubjectId == orderId)).ToListAsync());

    public Task<List<Payment>> PaymentsOf(Guid orderId) =>
        api.WithDb(db => db.Payments.AsNoTracking().Where(p => p.SubjectId == orderId).ToListAsync());

    public Task<int> Events(string kind, Guid orderId)
    {
        var id = orderId.ToString();
        return api.WithDb(db => db.OutboxEvents.CountAsync(e => e.Kind == kind && e.PayloadJson.Contains(id)));
    }

    public Task Sweep() => api.Services.GetRequiredService<JobRunner>().RunNowAsync<ServicesSweep>();

    public Task PaymentSweep() => api.Services.GetRequiredService<JobRunner>().RunNowAsync<Application.Features.Payments.PaymentSweep>();

    public async Task<List<PaymentRefund>> WaitForRefunds(Guid orderId, Func<List<PaymentRefund>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var refunds = await Refunds(orderId);
            if (done(refunds))
                return refunds;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Refunds of {orderId}: {string.Join(", ", refunds.Select(r => $"{r.AmountFen}/{r.State}"))}");
            await Task.Delay(25);
        }
    }
}
