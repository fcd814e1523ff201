using System.Net;
using System.Net.Http.Headers;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Services;

/// <summary>Items per company, scoped to communities it serves; slots; photos through the upload checks; withdrawal.</summary>
public sealed class CatalogueTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    [Fact]
    public async Task Staff_publish_items_only_in_communities_their_company_serves()
    {
        var demo = await Demo.Of(api);
        var before = await RowCounts.Settled(api);
        var body = new
        {
            category = "HomeRepair", title = "水管维修", description = "上门检修", priceFen = 3000, unit = "次",
            requiresSlot = false, cancellationPolicy = "NoRefund", communityIds = new[] { demo.CommunityA },
        };
        await (await (await api.ClientFor("property-b")).PostJson("/api/v1/service-items", body)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await (await api.ClientFor("resident-a")).PostJson("/api/v1/service-items", body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await (await api.ClientFor("committee-a")).PostJson("/api/v1/service-items", body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await (await api.ClientFor("property-a")).PostJson("/api/v1/service-items", new
        {
            category = "HomeRepair", title = "水管维修", description = "上门检修", priceFen = 3000, unit = "次",
            requiresSlot = false, cancellationPolicy = "NoRefund", communityIds = new[] { demo.CommunityA, demo.CommunityB },
        })).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(before, await RowCounts.Of(api));

        var item = await (await (await api.ClientFor("property-a")).PostJson("/api/v1/service-items", body)).ShouldBe<ServiceItemView>(HttpStatusCode.Created);
        Assert.Equal(demo.CompanyA, item.CompanyId);
    }

    [Fact]
    public async Task Residents_see_their_communitys_menu_and_not_another_companys_items()
    {
        var demo = await Demo.Of(api);
        var item = await _world.NewItem();
        var menuA = await (await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/service-items"))
            .ShouldBe<List<ServiceItemView>>(HttpStatusCode.OK);
        Assert.Contains(menuA, i => i.Id == item.Id && i.Slots.Count == 1);
        await (await (await api.ClientFor("resident-b")).GetAsync($"/api/v1/service-items/{item.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await (await api.ClientFor("resident-b")).GetAsync($"/api/v1/communities/{demo.CommunityA}/service-items")).ShouldBeProblem(HttpStatusCode.NotFound);
        // resident-b's unit is in community B: the item is not offered there.
        await (await _world.SendOrder(item, "resident-b")).ShouldBeProblem(HttpStatusCode.NotFound, "service_item_not_found");
    }

    [Fact]
    public async Task A_withdrawn_item_takes_no_orders_and_disappears_from_the_residents_menu()
    {
        var demo = await Demo.Of(api);
        var item = await _world.NewItem();
        var staff = await api.ClientFor("property-a");
        await (await staff.PostJson($"/api/v1/service-items/{item.Id}/withdraw", new { })).ShouldBe<ServiceItemView>(HttpStatusCode.OK);
        await (await _world.SendOrder(item)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "service_item_withdrawn");
        var menu = await (await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/communities/{demo.CommunityA}/service-items"))
            .ShouldBe<List<ServiceItemView>>(HttpStatusCode.OK);
        Assert.DoesNotContain(menu, i => i.Id == item.Id);
        var staffMenu = await (await staff.GetAsync($"/api/v1/communities/{demo.CommunityA}/service-items")).ShouldBe<List<ServiceItemView>>(HttpStatusCode.OK);
        Assert.Contains(staffMenu, i => i.Id == item.Id && !i.OnOffer);
        await (await staff.PostJson($"/api/v1/service-items/{item.Id}/offer", new { })).ShouldBe<ServiceItemView>(HttpStatusCode.OK);
        await _world.Order(item);
    }

    [Fact]
    public async Task Slots_are_required_when_the_item_has_them_and_refused_when_it_has_none()
    {
        var withSlots = await _world.NewItem();
        var client = await api.ClientFor("resident-a");
        await (await client.PostJson("/api/v1/service-orders", new { itemId = withSlots.Id, unitId = await _world.UnitOf("resident-a"), quantity = 1 }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "slot_required");
        var withoutSlots = await _world.NewItem(slotCapacity: null);
        var order = await _world.Order(withoutSlots, quantity: 3);
        Assert.Equal(15000, order.AmountFen);
        await (await (await api.ClientFor("property-a")).PostJson($"/api/v1/service-items/{withoutSlots.Id}/slots",
            new { startsAt = api.Clock.GetUtcNow().AddDays(1), endsAt = api.Clock.GetUtcNow().AddDays(1).AddHours(1), capacity = 2 }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "slot_not_offered");
    }

    [Fact]
    public async Task Photos_must_be_images_by_their_bytes()
    {
        var item = await _world.NewItem();
        var staff = await api.ClientFor("property-a");
        var added = await (await SendPhoto(staff, item.Id, Projects.Uploads.Png, "a.png")).ShouldBe<ServiceItemView>(HttpStatusCode.Created);
        var photoId = Assert.Single(added.PhotoIds);
        var read = await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/service-items/{item.Id}/photos/{photoId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("image/png", read.Content.Headers.ContentType?.MediaType);

        await (await SendPhoto(staff, item.Id, Projects.Uploads.Pdf, "menu.png")).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "photo_type_not_allowed");
        await (await SendPhoto(staff, item.Id, Projects.Uploads.Exe, "x.png")).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType);
        await (await SendPhoto(await api.ClientFor("property-b"), item.Id, Projects.Uploads.Png, "b.png")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> SendPhoto(HttpClient client, Guid itemId, byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", name);
        return client.PostAsync($"/api/v1/service-items/{itemId}/photos", form);
    }
}
