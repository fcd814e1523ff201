using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Services;

/// <summary>
/// Staff can tell where to go (building and door) and whom to call; the phone is masked in every list and queue and shown
/// in full only on the single order assigned to the staff member asking, each full read audited.
/// </summary>
public sealed class ServiceOrderContactTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    // resident-a acts for a flat of 张伟, whose register entry gives 13800001234 (DemoDataSeeder).
    private const string FullPhone = "13800001234";
    private const string MaskedPhone = "138****1234";

    private Task<Guid> UserIdOf(string username) =>
        api.WithDb(db => db.Users.Where(u => u.OpenId == AuthApi.DevOpenId(username)).Select(u => u.Id).SingleAsync());

    /// <summary>A second staff member of company A (a colleague the order is not assigned to).</summary>
    private async Task<HttpClient> Colleague()
    {
        var (client, userId) = await api.NewWeChatUser();
        var demo = await Demo.Of(api);
        await api.WithDb(async db =>
        {
            db.RoleGrants.Add(new RoleGrant(userId, Role.PropertyStaff, demo.CompanyA, api.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        return client;
    }

    private Task<int> FullReads(Guid orderId) => api.WithDb(db => db.ContactPhoneReads.CountAsync(r => r.OrderId == orderId));

    [Fact]
    public async Task An_order_shows_building_door_and_a_masked_contact_in_the_staff_queue()
    {
        var order = await _world.Paid(await _world.NewItem());
        var demo = await Demo.Of(api);
        var unit = await api.WithDb(db => db.Units.Include(u => u.Building).SingleAsync(u => u.Id == order.UnitId));

        var queue = await (await (await api.ClientFor("property-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/service-orders?state=Paid"))
            .ShouldBe<Page<ServiceOrderView>>(HttpStatusCode.OK);
        var listed = Assert.Single(queue.Items, o => o.Id == order.Id);
        Assert.Equal((unit.Building!.Name, unit.Number), (listed.Building, listed.UnitNumber));
        var contact = Assert.Single(listed.Contacts!);
        Assert.Equal(("张伟", MaskedPhone, true), (contact.Name, contact.Phone, contact.PhoneMasked));

        // The resident's own list and the order view before anyone accepted it: masked too.
        var mine = await (await (await api.ClientFor("resident-a")).GetAsync("/api/v1/service-orders/mine")).ShouldBe<Page<ServiceOrderView>>(HttpStatusCode.OK);
        Assert.Equal(MaskedPhone, Assert.Single(mine.Items, o => o.Id == order.Id).Contacts![0].Phone);
        Assert.Equal(MaskedPhone, (await _world.Get(order.Id, "property-a")).Contacts![0].Phone);
        Assert.Equal(0, await FullReads(order.Id));
    }

    [Fact]
    public async Task Only_the_staff_member_assigned_reads_the_full_phone_and_each_read_is_audited()
    {
        var order = await _world.Paid(await _world.NewItem());
        var accepted = await _world.Move(order.Id, "accept", "property-a");
        Assert.Equal(MaskedPhone, accepted.Contacts![0].Phone);   // a move's answer is no place for it either
        var staffId = await UserIdOf("property-a");
        Assert.Equal(staffId, accepted.AssignedStaffId);

        var assigned = await _world.Get(order.Id, "property-a");
        var contact = Assert.Single(assigned.Contacts!);
        Assert.Equal((FullPhone, false), (contact.Phone, contact.PhoneMasked));

        // The read is recorded and audited: who (the actor) read whose phone (the member), for which order.
        var read = await api.WithDb(db => db.ContactPhoneReads.AsNoTracking().SingleAsync(r => r.OrderId == order.Id));
        Assert.Equal((staffId, "张伟", order.UnitId), (read.ReadBy, read.MemberName, read.UnitId));
        var audit = await api.WithDb(db => db.AuditLog.AsNoTracking()
            .SingleAsync(a => a.EntityType == nameof(ContactPhoneRead) && a.EntityId == read.Id.ToString()));
        Assert.Equal(staffId, audit.ActorUserId);
        Assert.Contains(read.PartyMemberId.ToString(), audit.After);
        Assert.Contains("张伟", audit.After);
        Assert.DoesNotContain(FullPhone, audit.After);   // the log says that it was read, not what

        // A colleague of the same company, the resident and the queue still see it masked, and nothing more is recorded.
        var colleague = await Colleague();
        var theirs = await (await colleague.GetAsync($"/api/v1/service-orders/{order.Id}")).ShouldBe<ServiceOrderView>(HttpStatusCode.OK);
        Assert.Equal(MaskedPhone, theirs.Contacts![0].Phone);
        Assert.Equal(MaskedPhone, (await _world.Get(order.Id, "resident-a")).Contacts![0].Phone);
        var demo = await Demo.Of(api);
        var queue = await (await (await api.ClientFor("property-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/service-orders"))
            .ShouldBe<Page<ServiceOrderView>>(HttpStatusCode.OK);
        Assert.Equal(MaskedPhone, Assert.Single(queue.Items, o => o.Id == order.Id).Contacts![0].Phone);
        Assert.Equal(1, await FullReads(order.Id));

        // Each full read is its own entry.
        await _world.Get(order.Id, "property-a");
        Assert.Equal(2, await FullReads(order.Id));

        // Once the work is done the phone is masked for the assigned staff member too.
        await _world.Move(order.Id, "start", "property-a");
        await _world.Move(order.Id, "complete", "property-a");
        Assert.Equal(MaskedPhone, (await _world.Get(order.Id, "property-a")).Contacts![0].Phone);
        Assert.Equal(2, await FullReads(order.Id));
    }
}
