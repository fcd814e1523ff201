using System.Net;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Services;

/// <summary>Staff complete an order with a photo; only a successful completion keeps a file; only its resident and staff read it.</summary>
public sealed class CompletionPhotoTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    [Fact]
    public async Task A_completion_photo_is_readable_by_the_orders_resident_and_staff_only()
    {
        var item = await _world.NewItem();
        var order = await _world.InService(item);
        var completed = await (await _world.CompleteWithPhoto(order.Id, Projects.Uploads.Png)).ShouldBe<ServiceOrderView>(HttpStatusCode.OK);
        Assert.Equal((ServiceOrderState.Completed, true), (completed.State, completed.HasCompletionPhoto));
        Assert.Equal(2, await _world.Events(ServiceEvents.Completed, order.Id));

        foreach (var reader in new[] { "resident-a", "property-a" })
        {
            var photo = await (await api.ClientFor(reader)).GetAsync($"/api/v1/service-orders/{order.Id}/completion-photo");
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Projects.Uploads.Png, await photo.Content.ReadAsByteArrayAsync());
        }
        foreach (var outsider in new[] { "coowner-a", "resident-b", "committee-a", "property-b", "street-officer" })
            await (await (await api.ClientFor(outsider)).GetAsync($"/api/v1/service-orders/{order.Id}/completion-photo"))
                .ShouldBeProblem(HttpStatusCode.NotFound, "service_order_not_found");
    }

    [Fact]
    public async Task An_order_completed_without_a_photo_has_none_to_read()
    {
        var order = await _world.InService(await _world.NewItem());
        var completed = await _world.Move(order.Id, "complete", "property-a");
        Assert.False(completed.HasCompletionPhoto);
        await (await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/service-orders/{order.Id}/completion-photo"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "completion_photo_not_found");
    }

    [Fact]
    public async Task A_refused_completion_leaves_no_file_and_no_change()
    {
        var item = await _world.NewItem();
        var paidOnly = await _world.Paid(item);
        var inService = await _world.InService(item);
        var files = _world.FilesOnDisk();

        // Wrong state: refused before any byte is stored.
        await (await _world.CompleteWithPhoto(paidOnly.Id, Projects.Uploads.Png)).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_in_service");
        // Not an image by its bytes (a PDF passes the shared check but not the photo rule): stored, then discarded.
        await (await _world.CompleteWithPhoto(inService.Id, Projects.Uploads.Pdf)).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "photo_type_not_allowed");
        await (await _world.CompleteWithPhoto(inService.Id, Projects.Uploads.Exe)).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType);
        // Another company's staff: as if the order did not exist.
        await (await _world.CompleteWithPhoto(inService.Id, Projects.Uploads.Png, "property-b")).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.Equal(files, _world.FilesOnDisk());
        Assert.Equal(ServiceOrderState.InService, (await _world.Get(inService.Id)).State);
        Assert.Equal(ServiceOrderState.Paid, (await _world.Get(paidOnly.Id)).State);
    }

    [Fact]
    public async Task Of_staff_completing_at_once_one_wins_and_only_its_photo_stays()
    {
        var order = await _world.InService(await _world.NewItem());
        var files = _world.FilesOnDisk();

        var answers = await Race.Run(Race.DefaultRacers, () => _world.CompleteWithPhoto(order.Id, Projects.Uploads.Png));

        answers.ExactlyOne(HttpStatusCode.OK).OthersAre(HttpStatusCode.Conflict, "order_not_in_service");
        Assert.Equal(files + 1, _world.FilesOnDisk());
        Assert.Equal(2, await _world.Events(ServiceEvents.Completed, order.Id));
        var photo = await (await api.ClientFor("resident-a")).GetAsync($"/api/v1/service-orders/{order.Id}/completion-photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
    }
}
