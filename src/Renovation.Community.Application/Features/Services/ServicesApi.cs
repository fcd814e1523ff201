namespace Renovation.Community.Application.Features.Services;

public static class ServicesApi
{
    public static RouteGroupBuilder MapServicesApi(this RouteGroupBuilder api)
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

        var orders = api.MapGroup("/service-orders").WithTags("Services");
        orders.MapPost("/", PlaceOrder.CreateAsync).WithName("PlaceServiceOrder")
            .WithSummary("Order a service for one of my bound units; holds a slot seat until paid or expired")
            .WithDescription("Then pay with POST /api/v1/payments {purpose: 'service-order', subjectId: <order id>} within the hold time (Services:HoldSeconds). A full slot answers 409 slot_full.");
        orders.MapGet("/mine", PlaceOrder.MineAsync).WithName("MyServiceOrders")
            .WithSummary("My service orders, newest first")
            .WithDescription("Orders placed by the caller, in every state.");
        orders.MapGet("/{id:guid}", PlaceOrder.GetAsync).WithName("GetServiceOrder")
            .WithSummary("A service order (its resident, whoever acts for its unit, or the company's staff)")
            .WithDescription("With where to go (building, unitNumber), whom to ask for (contacts: the unit's registered owners, phones masked as 138****1234) and the complaint with its answer (dispute). " +
                "The phone is shown in full only to the staff member who accepted the order while it is accepted or in service; each such read is recorded in the audit log. Everyone else gets 404, so an order's existence does not leak.");
        orders.MapGet("/{id:guid}/dispute", PlaceOrder.DisputeAsync).WithName("GetServiceOrderDispute")
            .WithSummary("The complaint about an order and the company's answer (its resident, whoever acts for its unit, or the company's staff)")
            .WithDescription("404 dispute_not_found when the order has no complaint; anyone else gets 404 service_order_not_found.");
        orders.MapPost("/{id:guid}/accept", OrderLifecycle.AcceptAsync).WithName("AcceptServiceOrder")
            .WithSummary("Accept a paid order (property staff)")
            .WithDescription("Of two staff accepting or declining at once, one wins; the other gets 409 order_not_awaiting_acceptance.");
        orders.MapPost("/{id:guid}/decline", OrderLifecycle.DeclineAsync).WithName("DeclineServiceOrder")
            .WithSummary("Decline a paid order with a reason; refunds in full automatically (property staff)")
            .WithDescription("The slot seat is released and the refund is reserved in the same transaction, exactly once.");
        orders.MapPost("/{id:guid}/start", OrderLifecycle.StartAsync).WithName("StartServiceOrder")
            .WithSummary("Mark an accepted order in service (property staff)")
            .WithDescription("From then on the resident can no longer cancel.");
        orders.MapPost("/{id:guid}/complete", OrderLifecycle.CompleteAsync).WithName("CompleteServiceOrder")
            .WithSummary("Mark an order in service completed (property staff)")
            .WithDescription("The resident confirms it, or it is confirmed automatically after Services:AutoConfirmDays.");
        orders.MapPost("/{id:guid}/complete-with-photo", CompletionPhoto.CompleteAsync).WithName("CompleteServiceOrderWithPhoto")
            .WithSummary("Mark an order in service completed with a photo of the work (property staff; multipart field 'file')")
            .WithDescription("PNG, JPEG or WebP by its first bytes, up to 5 MB. A refused completion (wrong state, wrong type, lost race) stores nothing.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        orders.MapGet("/{id:guid}/completion-photo", CompletionPhoto.DownloadAsync).WithName("ServiceOrderCompletionPhoto")
            .WithSummary("The completion photo of an order (its resident or the company's staff)")
            .WithDescription("Everyone else gets 404; an order completed without a photo answers 404 completion_photo_not_found.");
        orders.MapPost("/{id:guid}/cancel", OrderLifecycle.CancelAsync).WithName("CancelServiceOrder")
            .WithSummary("Cancel my order before service starts")
            .WithDescription("Unpaid: nothing owed. Paid, not yet accepted: refunded in full. Accepted: refunded by the item's policy (full, partial fen, none). The slot seat is released.");
        orders.MapPost("/{id:guid}/confirm", OrderLifecycle.ConfirmAsync).WithName("ConfirmServiceOrder")
            .WithSummary("Confirm a completed order (its resident)")
            .WithDescription("Confirmed orders can be rated.");
        orders.MapPost("/{id:guid}/rate", OrderLifecycle.RateAsync).WithName("RateServiceOrder")
            .WithSummary("Rate a confirmed order 1–5 with an optional comment (its resident)")
            .WithDescription("The comment passes the content check; one rating per order.");
        orders.MapPost("/{id:guid}/dispute", OrderLifecycle.DisputeAsync).WithName("DisputeServiceOrder")
            .WithSummary("Complain about a completed order within Services:DisputeDays (its resident)")
            .WithDescription("One complaint per order; the company answers it; the committee sees it.");
        orders.MapPost("/{id:guid}/dispute/answer", OrderLifecycle.AnswerDisputeAsync).WithName("AnswerServiceDispute")
            .WithSummary("Answer the complaint about an order (property staff)")
            .WithDescription("Answered once; a second answer gets 409 dispute_already_answered.");

        api.MapGet("/communities/{communityId:guid}/service-items", Catalogue.ForCommunityAsync).WithTags("Services")
            .WithName("CommunityServiceItems").WithSummary("The service menu of a community")
            .WithDescription("Items on offer with their upcoming slots; the serving company's staff also see withdrawn items.");
        api.MapGet("/communities/{communityId:guid}/service-orders", StaffViews.OrdersAsync).WithTags("Services")
            .WithName("CommunityServiceOrders").WithSummary("The company's orders in a community by state and day (property staff)")
            .WithDescription("day (yyyy-MM-dd, China time) matches the slot's day, or the order's day for services without slots. Each order shows its building, unitNumber and contacts with phones masked.");
        api.MapGet("/communities/{communityId:guid}/service-income", StaffViews.IncomeAsync).WithTags("Services")
            .WithName("CommunityServiceIncome").WithSummary("Service income per day of a month in a community (property staff)")
            .WithDescription("month is yyyy-MM (China time); paid, refunded on decline or cancel, and net fen per payment day.");
        api.MapGet("/property-companies/{companyId:guid}/service-income", CompanyIncome.GetAsync).WithTags("Services")
            .WithName("CompanyServiceIncome").WithSummary("The company's service income across all its communities (property staff)")
            .WithDescription("month=yyyy-MM gives days, year=yyyy gives months (China time); totals, per period and per community: paid, refunded on decline or cancel, and net fen by payment time. Staff of other companies get 404.");
        api.MapGet("/communities/{communityId:guid}/service-disputes", StaffViews.DisputesAsync).WithTags("Services")
            .WithName("CommunityServiceDisputes").WithSummary("Complaints about paid services in a community")
            .WithDescription("Committee, street and city see all; the serving company's staff see those about their company; a resident sees those about orders of the units they act for, with the answers.");
        api.MapGet("/communities/{communityId:guid}/service-oversight", StaffViews.OversightAsync).WithTags("Services")
            .WithName("CommunityServiceOversight").WithSummary("Ratings and disputes per property company (committee, street, city)")
            .WithDescription("The basis for judging the property company: completed orders, star counts, disputes and unanswered ones.");
        return api;
    }
}
