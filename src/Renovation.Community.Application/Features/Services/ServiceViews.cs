namespace Renovation.Community.Application.Features.Services;

public sealed record ServiceSlotView(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int Held, int Available)
{
    public static ServiceSlotView From(ServiceSlot s) => new(s.Id, s.StartsAt, s.EndsAt, s.Capacity, s.Held, s.Capacity - s.Held);
}

public sealed record ServiceItemView(Guid Id, Guid CompanyId, ServiceCategory Category, string Title, string Description,
    long PriceFen, string Unit, bool RequiresSlot, CancellationPolicy CancellationPolicy, long LateCancelRefundFen, bool OnOffer,
    IReadOnlyList<Guid> CommunityIds, IReadOnlyList<Guid> PhotoIds, IReadOnlyList<ServiceSlotView> Slots, int Version)
{
    public static ServiceItemView From(ServiceItem i, IReadOnlyList<Guid> communityIds, IReadOnlyList<Guid> photoIds,
        IReadOnlyList<ServiceSlot> slots) =>
        new(i.Id, i.CompanyId, i.Category, i.Title, i.Description, i.PriceFen, i.Unit, i.RequiresSlot, i.Policy,
            i.LateCancelRefundFen, i.OnOffer, communityIds, photoIds, slots.Select(ServiceSlotView.From).ToList(), i.Version);
}

public sealed record ServiceOrderView(Guid Id, Guid ItemId, Guid CompanyId, Guid CommunityId, Guid UnitId, Guid ResidentUserId,
    string ItemTitle, ServiceCategory Category, string PriceUnit, long UnitPriceFen, int Quantity, long AmountFen,
    CancellationPolicy CancellationPolicy, long LateCancelRefundFen, Guid? SlotId, DateTimeOffset? SlotStartsAt,
    DateTimeOffset? SlotEndsAt, string? Note, ServiceOrderState State, DateTimeOffset ExpiresAt, Guid? PaymentId,
    DateTimeOffset? PaidAt, DateTimeOffset? DecidedAt, string? DeclineReason, DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt, bool HasCompletionPhoto, DateTimeOffset? ConfirmedAt, bool AutoConfirmed, int? Stars, string? RatingComment,
    DateTimeOffset? CancelledAt, string? CancelReason, long RefundFen, long RefundedFen, RefundStatus RefundStatus,
    DateTimeOffset CreatedAt, int Version)
{
    /// <summary>What the resident passes to <c>POST /api/v1/payments</c> as <c>purpose</c> (with this order's id as subject).</summary>
    public string PaymentPurpose => ServiceOrderPurpose.PurposeName;

    /// <summary>The staff member who accepted the order (the one who goes, and who alone sees the phone in full).</summary>
    public Guid? AssignedStaffId { get; init; }
    /// <summary>Where to go: the building's name in the register (e.g. 1幢).</summary>
    public string? Building { get; init; }
    /// <summary>Where to go: the door number within the building (e.g. 2-301).</summary>
    public string? UnitNumber { get; init; }
    /// <summary>
    /// Whom to ask for: the unit's registered owners with their contact phone, masked (138****1234) everywhere but on
    /// the single order view of the staff member it is assigned to while the work is to do.
    /// </summary>
    public IReadOnlyList<ServiceContactView>? Contacts { get; init; }
    /// <summary>The complaint about this order and the company's answer, if any.</summary>
    public ServiceDisputeView? Dispute { get; init; }

    public static ServiceOrderView From(ServiceOrder o) => new(o.Id, o.ItemId, o.CompanyId, o.CommunityId, o.UnitId,
        o.ResidentUserId, o.ItemTitle, o.Category, o.PriceUnit, o.UnitPriceFen, o.Quantity, o.AmountFen, o.Policy,
        o.LateCancelRefundFen, o.SlotId, o.SlotStartsAt, o.SlotEndsAt, o.Note, o.State, o.ExpiresAt, o.PaymentId, o.PaidAt,
        o.DecidedAt, o.DeclineReason, o.StartedAt, o.CompletedAt, o.CompletionPhotoKey is not null, o.ConfirmedAt, o.AutoConfirmed, o.Stars, o.RatingComment,
        o.CancelledAt, o.CancelReason, o.RefundFen, o.RefundedFen, o.RefundStatus, o.CreatedAt, o.Version)
    {
        AssignedStaffId = o.State == ServiceOrderState.Declined ? null : o.DecidedBy,
    };
}

/// <param name="Phone">The contact phone, masked unless <paramref name="PhoneMasked"/> is false; null when the register has none.</param>
public sealed record ServiceContactView(string Name, string? Phone, bool PhoneMasked);

public sealed record ServiceDisputeView(Guid Id, Guid OrderId, Guid CompanyId, Guid CommunityId, string Text, string? Answer,
    DateTimeOffset? AnsweredAt, DateTimeOffset CreatedAt)
{
    public bool Answered => Answer is not null;

    public static ServiceDisputeView From(ServiceDispute d) =>
        new(d.Id, d.OrderId, d.CompanyId, d.CommunityId, d.Text, d.Answer, d.AnsweredAt, d.CreatedAt);
}
