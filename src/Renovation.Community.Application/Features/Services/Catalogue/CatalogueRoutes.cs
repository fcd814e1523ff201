namespace Renovation.Community.Application.Features.Services;

/// <summary>Maps the service catalogue routes: /service-items and a community's service menu.</summary>
internal static class CatalogueRoutes
{
    /// <summary>Service items: publish, read, edit, slots, photos, withdraw and offer.</summary>
    public static void MapItems(RouteGroupBuilder api)
    {
        var items = api.MapGroup("/service-items").WithTags("Services");
        items.MapPost("/", Catalogue.CreateAsync).WithName("CreateServiceItem")
            .WithSummary("Publish a paid service item in communities the caller's company serves (property staff)")
            .WithDescription("Price in fen per unit, optional time slots, cancellation policy after acceptance (full, partial fen or none). All communities must be served by one company; the caller must be its staff.");
        items.MapGet("/{id:guid}", Catalogue.GetAsync).WithName("GetServiceItem")
            .WithSummary("A service item with its photos and upcoming slots")
            .WithDescription("Residents and staff of a community where it is on offer; the company's staff also when withdrawn. Anyone else gets 404.");
        items.MapPost("/{id:guid}/slots", Catalogue.AddSlotAsync).WithName("AddServiceSlot")
            .WithSummary("Add a time slot with a capacity (property staff)")
            .WithDescription("Only for items that require a slot; the slot must start in the future. Each order holds one seat; the database never lets held seats exceed the capacity.");
        items.MapPut("/{id:guid}", CatalogueEdits.EditAsync).WithName("EditServiceItem")
            .WithSummary("Edit an item's title, description, price, unit and whether it is on offer (property staff)")
            .WithDescription("Send the item's version as read; a concurrent edit answers 409 service_item_changed. Orders already placed keep their snapshot (title, price, unit).");
        items.MapDelete("/{id:guid}/slots/{slotId:guid}", CatalogueEdits.RemoveSlotAsync).WithName("RemoveServiceSlot")
            .WithSummary("Remove a time slot nobody holds a seat in (property staff)")
            .WithDescription("Refused with 409 slot_has_orders while any order is placed, paid or served in it; the database decides between a removal and a concurrent order.");
        items.MapDelete("/{id:guid}/photos/{photoId:guid}", CatalogueEdits.RemovePhotoAsync).WithName("RemoveServiceItemPhoto")
            .WithSummary("Remove a photo of an item (property staff)")
            .WithDescription("The photo is gone from the item at once; its file is deleted after.");
        items.MapPost("/{id:guid}/withdraw", Catalogue.WithdrawAsync).WithName("WithdrawServiceItem")
            .WithSummary("Take an item off the menu (property staff)")
            .WithDescription("Existing orders are unaffected (they keep their snapshot); no new orders can be placed.");
        items.MapPost("/{id:guid}/offer", Catalogue.OfferAsync).WithName("OfferServiceItem")
            .WithSummary("Put a withdrawn item back on the menu (property staff)")
            .WithDescription("Residents of its communities can order it again.");
        items.MapPost("/{id:guid}/photos", Catalogue.UploadPhotoAsync).WithName("UploadServiceItemPhoto")
            .WithSummary("Add a photo (multipart field 'file'; PNG, JPEG or WebP up to 5 MB; at most 9)")
            .WithDescription("The type is read from the first bytes; a refused upload leaves nothing behind.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        items.MapGet("/{id:guid}/photos/{photoId:guid}", Catalogue.DownloadPhotoAsync).WithName("DownloadServiceItemPhoto")
            .WithSummary("A photo of a service item")
            .WithDescription("Readable by whoever may see the item.");
    }

    /// <summary>The service menu of a community.</summary>
    public static void MapCommunityMenu(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{communityId:guid}/service-items", Catalogue.ForCommunityAsync).WithTags("Services")
            .WithName("CommunityServiceItems").WithSummary("The service menu of a community")
            .WithDescription("Items on offer with their upcoming slots; the serving company's staff also see withdrawn items.");
    }
}
