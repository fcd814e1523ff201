namespace Renovation.Community.Application.Features.Services;

/// <summary>Maps the /service-orders routes: placing, the order's lifecycle, completion photos and disputes.</summary>
internal static class OrderRoutes
{
    /// <summary>Service orders from placing to rating and disputes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
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
    }
}
