using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Services;

/// <summary>Editing items (orders keep their snapshot), removing photos, and removing slots nobody holds a seat in.</summary>
public sealed class CatalogueEditTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    private async Task<HttpResponseMessage> Edit(ServiceItemView item, string title = "深度保洁", long priceFen = 9900,
        string unit = "小时", bool onOffer = true, int? version = null, string staff = "property-a") =>
        await (await api.ClientFor(staff)).PutAsync($"/api/v1/service-items/{item.Id}", JsonBody(new
        {
            title, description = "三小时深度保洁，含厨房", priceFen, unit, onOffer, version = version ?? item.Version,
        }));

    [Fact]
    public async Task An_edit_changes_new_orders_but_never_the_snapshot_of_an_existing_order()
    {
        var item = await _world.NewItem(slotCapacity: 5, priceFen: 5000);
        var before = await _world.Order(item, quantity: 2);

        var edited = await (await Edit(item)).ShouldBe<ServiceItemView>(HttpStatusCode.OK);
        Assert.Equal(("深度保洁", "三小时深度保洁，含厨房", 9900L, "小时", true), (edited.Title, edited.Description, edited.PriceFen, edited.Unit, edited.OnOffer));
        Assert.Equal(item.Version + 1, edited.Version);

        var kept = await _world.Get(before.Id);
        Assert.Equal(("日常保洁", 5000L, 10000L, "次"), (kept.ItemTitle, kept.UnitPriceFen, kept.AmountFen, kept.PriceUnit));
        var row = await _world.Row(before.Id);
        Assert.Equal(("日常保洁", 5000L, 10000L), (row.ItemTitle, row.UnitPriceFen, row.AmountFen));

        var after = await _world.Order(edited);
        Assert.Equal(("深度保洁", 9900L, "小时"), (after.ItemTitle, after.UnitPriceFen, after.PriceUnit));
    }

    [Fact]
    public async Task An_edit_can_take_the_item_off_offer_and_refuses_stale_versions_and_bad_input()
    {
        var item = await _world.NewItem(slotCapacity: null);
        var withdrawn = await (await Edit(item, onOffer: false)).ShouldBe<ServiceItemView>(HttpStatusCode.OK);
        Assert.False(withdrawn.OnOffer);
        await (await _world.SendOrder(withdrawn)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "service_item_withdrawn");

        // Written over someone else's edit: refused, nothing changed.
        await (await Edit(item, title: "旧页面上的修改")).ShouldBeProblem(HttpStatusCode.Conflict, "service_item_changed");
        await (await Edit(withdrawn, priceFen: 0)).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Edit(withdrawn, title: "")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Edit(withdrawn, staff: "property-b")).ShouldBeProblem(HttpStatusCode.NotFound, "service_item_not_found");
        await (await Edit(withdrawn, staff: "resident-a")).ShouldBeProblem(HttpStatusCode.NotFound, "service_item_not_found");
        var read = await (await (await api.ClientFor("property-a")).GetAsync($"/api/v1/service-items/{item.Id}")).ShouldBe<ServiceItemView>(HttpStatusCode.OK);
        Assert.Equal(("深度保洁", withdrawn.Version), (read.Title, read.Version));
    }

    [Fact]
    public async Task The_demo_meal_help_item_goes_on_the_menu_by_an_edit()
    {
        var demo = await Demo.Of(api);
        var staffMenu = await (await (await api.ClientFor("property-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/service-items"))
            .ShouldBe<List<ServiceItemView>>(HttpStatusCode.OK);
        var meals = Assert.Single(staffMenu, i => i.Title == "助餐送餐");
        Assert.False(meals.OnOffer);

        await (await Edit(meals, title: "助餐送餐", priceFen: 1800, unit: "份")).ShouldBe<ServiceItemView>(HttpStatusCode.OK);
        var menu = await (await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/service-items"))
            .ShouldBe<List<ServiceItemView>>(HttpStatusCode.OK);
        Assert.Equal(1800, Assert.Single(menu, i => i.Id == meals.Id).PriceFen);
    }

    [Fact]
    public async Task Of_identical_edits_sent_at_once_with_the_same_version_exactly_one_applies()
    {
        var item = await _world.NewItem(slotCapacity: null);
        var answers = await Race.Run(Race.DefaultRacers, () => Edit(item, priceFen: 6600));
        answers.ExactlyOne(HttpStatusCode.OK).OthersAre(HttpStatusCode.Conflict, "service_item_changed");
        var read = await (await (await api.ClientFor("property-a")).GetAsync($"/api/v1/service-items/{item.Id}")).ShouldBe<ServiceItemView>(HttpStatusCode.OK);
        Assert.Equal((6600L, item.Version + 1), (read.PriceFen, read.Version));
    }

    [Fact]
    public async Task A_price_below_the_partial_refund_on_late_cancel_is_refused()
    {
        var item = await _world.NewItem(slotCapacity: null, priceFen: 5000, policy: CancellationPolicy.PartialRefund, lateCancelRefundFen: 3000);
        await (await Edit(item, priceFen: 2000)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "late_cancel_refund_above_price");
        await (await Edit(item, priceFen: 3000)).ShouldBe<ServiceItemView>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_removed_photo_is_gone_from_the_item_and_the_disk()
    {
        var item = await _world.NewItem();
        var staff = await api.ClientFor("property-a");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Projects.Uploads.Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "a.png");
        var withPhoto = await (await staff.PostAsync($"/api/v1/service-items/{item.Id}/photos", form)).ShouldBe<ServiceItemView>(HttpStatusCode.Created);
        var photoId = Assert.Single(withPhoto.PhotoIds);
        var files = _world.FilesOnDisk();

        await (await (await api.ClientFor("property-b")).DeleteAsync($"/api/v1/service-items/{item.Id}/photos/{photoId}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "service_item_not_found");
        var without = await (await staff.DeleteAsync($"/api/v1/service-items/{item.Id}/photos/{photoId}")).ShouldBe<ServiceItemView>(HttpStatusCode.OK);
        Assert.Empty(without.PhotoIds);
        Assert.Equal(files - 1, _world.FilesOnDisk());
        await (await staff.DeleteAsync($"/api/v1/service-items/{item.Id}/photos/{photoId}")).ShouldBeProblem(HttpStatusCode.NotFound, "file_not_found");
        await (await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/service-items/{item.Id}/photos/{photoId}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "file_not_found");
    }

    [Fact]
    public async Task Of_staff_removing_a_photo_at_once_one_removes_it_and_the_others_find_it_gone()
    {
        var item = await _world.NewItem();
        var staff = await api.ClientFor("property-a");
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Projects.Uploads.Png), "file", "a.png");
        var photoId = Assert.Single((await (await staff.PostAsync($"/api/v1/service-items/{item.Id}/photos", form))
            .ShouldBe<ServiceItemView>(HttpStatusCode.Created)).PhotoIds);
        var files = _world.FilesOnDisk();

        var answers = await Race.Run(Race.DefaultRacers, () => staff.DeleteAsync($"/api/v1/service-items/{item.Id}/photos/{photoId}"));

        answers.ExactlyOne(HttpStatusCode.OK).OthersAre(HttpStatusCode.NotFound, "file_not_found");
        Assert.Equal(files - 1, _world.FilesOnDisk());
    }

    [Fact]
    public async Task A_slot_is_removed_only_when_no_order_holds_a_seat_in_it()
    {
        var item = await _world.NewItem(slotCapacity: 2);
        var slotId = item.Slots[0].Id;
        var staff = await api.ClientFor("property-a");
        var order = await _world.Order(item);

        await (await staff.DeleteAsync($"/api/v1/service-items/{item.Id}/slots/{slotId}")).ShouldBeProblem(HttpStatusCode.Conflict, "slot_has_orders");
        var paid = await _world.Paid(item);
        await _world.Move(order.Id, "cancel", "resident-a", new { reason = "改期" });
        await (await staff.DeleteAsync($"/api/v1/service-items/{item.Id}/slots/{slotId}")).ShouldBeProblem(HttpStatusCode.Conflict, "slot_has_orders");
        await _world.Move(paid.Id, "decline", "property-a", new { reason = "人手不足" });

        var removed = await (await staff.DeleteAsync($"/api/v1/service-items/{item.Id}/slots/{slotId}")).ShouldBe<ServiceItemView>(HttpStatusCode.OK);
        Assert.Empty(removed.Slots);
        Assert.NotNull((await _world.Slot(slotId)).RemovedAt);
        await (await _world.SendOrder(item)).ShouldBeProblem(HttpStatusCode.NotFound, "slot_not_found");
        await (await staff.DeleteAsync($"/api/v1/service-items/{item.Id}/slots/{slotId}")).ShouldBeProblem(HttpStatusCode.NotFound, "slot_not_found");
        // The orders that were in it keep their slot and its times.
        Assert.Equal(item.Slots[0].StartsAt, (await _world.Get(order.Id)).SlotStartsAt);
    }

    /// <summary>
    /// Orders and a removal at once, several rounds: whichever the database lets first, no order ever holds a seat of a
    /// removed slot, and the held count always equals the orders holding a seat.
    /// </summary>
    [Fact]
    public async Task A_slot_removed_while_residents_order_never_keeps_an_order()
    {
        var staff = await api.ClientFor("property-a");
        for (var round = 0; round < 4; round++)
        {
            var item = await _world.NewItem(slotCapacity: 10);
            var slotId = item.Slots[0].Id;
            var turn = 0;
            var answers = await Race.Run(6, () => Interlocked.Increment(ref turn) == 1
                ? staff.DeleteAsync($"/api/v1/service-items/{item.Id}/slots/{slotId}")
                : _world.SendOrder(item));

            Assert.All(answers.All, a => Assert.True(
                a.Status is HttpStatusCode.OK or HttpStatusCode.Created
                || (a.Status == HttpStatusCode.Conflict && a.Code == "slot_has_orders")
                || (a.Status == HttpStatusCode.NotFound && a.Code == "slot_not_found"), a.ToString()));
            var slot = await _world.Slot(slotId);
            var holding = await api.WithDb(db => db.ServiceOrders.CountAsync(o => o.SlotId == slotId && o.SlotHeld));
            Assert.Equal(holding, slot.Held);
            if (slot.RemovedAt is not null)
                Assert.Equal(0, holding);
            else
                Assert.Contains(answers.All, a => a.Code == "slot_has_orders");
        }
    }

    private static StringContent JsonBody(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, Json.Options), System.Text.Encoding.UTF8, "application/json");
}
