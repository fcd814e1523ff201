using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Services;

/// <summary>Slot capacity is held by the database: a conditional UPDATE and a check constraint (run on MariaDB too).</summary>
public sealed class ServiceRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    [Fact]
    public async Task Twenty_concurrent_orders_for_a_slot_of_capacity_three_hold_exactly_three()
    {
        var item = await _world.NewItem(slotCapacity: 3);
        var slotId = item.Slots[0].Id;
        var before = await RowCounts.Settled(api);

        var answers = await Race.Run(20, () => _world.SendOrder(item));

        Assert.All(answers.All, a => Assert.True((int)a.Status < 500, a.ToString()));
        Assert.Equal(3, answers.All.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.All.Where(a => a.Status != HttpStatusCode.Created),
            a => Assert.True(a.Status == HttpStatusCode.Conflict && a.Code == "slot_full", a.ToString()));
        Assert.Equal(3, (await _world.Slot(slotId)).Held);
        Assert.Equal(3, await api.WithDb(db => db.ServiceOrders.CountAsync(o => o.SlotId == slotId)));
        Assert.Equal(before.Tables["ServiceOrders"] + 3, (await RowCounts.Of(api)).Tables["ServiceOrders"]);
    }
}
