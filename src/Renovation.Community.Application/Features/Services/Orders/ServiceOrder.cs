using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Services;

public enum ServiceOrderState
{
    /// <summary>Placed; its slot seat is held until <see cref="ServiceOrder.ExpiresAt"/> while the resident pays.</summary>
    Created = 0,
    Paid = 1,
    Accepted = 2,
    /// <summary>The company said no; refunded in full.</summary>
    Declined = 3,
    InService = 4,
    Completed = 5,
    /// <summary>By the resident, or automatically <c>Services:AutoConfirmDays</c> after completion.</summary>
    Confirmed = 6,
    Rated = 7,
    /// <summary>By the resident before service started; refunded in full before acceptance, by the item's policy after.</summary>
    Cancelled = 8,
    /// <summary>Not paid within the hold time; its seat went back to the slot.</summary>
    Expired = 9,
    /// <summary>
    /// Refunded in full before it was served (staff through Payments, a finance officer …): it can no longer be accepted,
    /// started or completed, and its seat went back to the slot.
    /// </summary>
    Refunded = 10,
}

/// <summary>
/// A resident's order of a service item for one unit (服务订单). It keeps a snapshot of the item as ordered (title,
/// category, unit price, unit, cancellation policy, slot times). Every move checks the state here and is saved with
/// <c>UPDATE … WHERE Version = the one read</c>, so of two staff accepting at once exactly one succeeds.
/// </summary>
public sealed class ServiceOrder : IAudited
{
    public const int MaxNote = 200;
    public const int MaxReason = 80;
    public const int MaxComment = 500;
    public const int MaxQuantity = 100;

    private ServiceOrder() { }

    public ServiceOrder(ServiceItem item, Guid communityId, Guid unitId, Guid residentUserId, ServiceSlot? slot, int quantity,
        string? note, TimeSpan holdFor, DateTimeOffset now)
    {
        if (item.RequiresSlot && slot is null)
            throw new DomainRuleViolation("slot_required", "该服务需要选择预约时段");
        if (!item.RequiresSlot && slot is not null)
            throw new DomainRuleViolation("slot_not_offered", "该服务无需预约时段");
        Id = Ids.New();
        ItemId = item.Id;
        CompanyId = item.CompanyId;
        CommunityId = communityId;
        UnitId = unitId;
        ResidentUserId = residentUserId;
        ItemTitle = item.Title;
        Category = item.Category;
        PriceUnit = item.Unit;
        UnitPriceFen = item.PriceFen;
        Quantity = quantity;
        AmountFen = checked(item.PriceFen * quantity);
        Policy = item.Policy;
        LateCancelRefundFen = item.LateCancelRefundFen;
        SlotId = slot?.Id;
        SlotStartsAt = slot?.StartsAt;
        SlotEndsAt = slot?.EndsAt;
        SlotHeld = slot is not null;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        State = ServiceOrderState.Created;
        ExpiresAt = now + holdFor;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid CommunityId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid ResidentUserId { get; private set; }
    public string ItemTitle { get; private set; } = "";
    public ServiceCategory Category { get; private set; }
    public string PriceUnit { get; private set; } = "";
    public long UnitPriceFen { get; private set; }
    public int Quantity { get; private set; }
    public long AmountFen { get; private set; }
    public CancellationPolicy Policy { get; private set; }
    public long LateCancelRefundFen { get; private set; }
    public Guid? SlotId { get; private set; }
    public DateTimeOffset? SlotStartsAt { get; private set; }
    public DateTimeOffset? SlotEndsAt { get; private set; }
    /// <summary>True while this order holds a seat of its slot; flipped under the order's version in the same transaction that gives the seat back.</summary>
    public bool SlotHeld { get; private set; }
    public string? Note { get; private set; }
    public ServiceOrderState State { get; private set; }
    /// <summary>Unpaid after this, the order expires and its seat is released; money arriving later is refunded.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }
    public Guid? PaymentId { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    /// <summary>Storage key of the photo staff took on completion (its resident and the company's staff may read it), or null.</summary>
    public string? CompletionPhotoKey { get; private set; }
    public string? CompletionPhotoType { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public bool AutoConfirmed { get; private set; }
    public int? Stars { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }
    /// <summary>What this order asked Payments to give back (decline or cancel), in fen.</summary>
    public long RefundFen { get; private set; }
    /// <summary>
    /// What Payments is giving or gave back of this order's payment, whatever asked for it (decline, cancel, staff,
    /// dispute, incident): each refund is told to <see cref="ServiceOrderPurpose"/> when reserved and taken off again if
    /// WeChat closes or refuses it. Equals <see cref="AmountFen"/> once refunded in full.
    /// </summary>
    public long RefundedFen { get; private set; }

    public RefundStatus RefundStatus => RefundedFen == 0 ? RefundStatus.None
        : RefundedFen >= AmountFen ? RefundStatus.Full : RefundStatus.Partial;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Money for it may still be taken (<see cref="ServiceOrderPurpose"/>).</summary>
    public bool IsPayable(DateTimeOffset at) => State == ServiceOrderState.Created && at < ExpiresAt;

    public void MarkPaid(Guid paymentId, DateTimeOffset paidAt, DateTimeOffset now)
    {
        Require(ServiceOrderState.Created, "order_not_payable", "订单已关闭或已支付");
        PaymentId = paymentId;
        PaidAt = paidAt;
        Move(ServiceOrderState.Paid, now);
    }

    public void Expire(DateTimeOffset now)
    {
        Require(ServiceOrderState.Created, "order_not_payable", "订单已关闭或已支付");
        Move(ServiceOrderState.Expired, now);
    }

    public void Accept(Guid staffId, DateTimeOffset now)
    {
        Require(ServiceOrderState.Paid, "order_not_awaiting_acceptance", "该订单不在待接单状态");
        DecidedBy = staffId;
        DecidedAt = now;
        Move(ServiceOrderState.Accepted, now);
    }

    /// <summary>Declining refunds everything paid.</summary>
    public void Decline(Guid staffId, string reason, DateTimeOffset now)
    {
        Require(ServiceOrderState.Paid, "order_not_awaiting_acceptance", "该订单不在待接单状态");
        DecidedBy = staffId;
        DecidedAt = now;
        DeclineReason = reason.Trim();
        RefundFen = AmountFen;
        Move(ServiceOrderState.Declined, now);
    }

    public void Start(DateTimeOffset now)
    {
        Require(ServiceOrderState.Accepted, "order_not_accepted", "订单尚未接单或已开始服务");
        StartedAt = now;
        Move(ServiceOrderState.InService, now);
    }

    public void Complete(DateTimeOffset now, string? photoKey = null, string? photoType = null)
    {
        RequireInService();
        CompletedAt = now;
        CompletionPhotoKey = photoKey;
        CompletionPhotoType = photoKey is null ? null : photoType;
        Move(ServiceOrderState.Completed, now);
    }

    public void Confirm(bool automatically, DateTimeOffset now)
    {
        Require(ServiceOrderState.Completed, "order_not_completed", "订单尚未完成或已确认");
        ConfirmedAt = now;
        AutoConfirmed = automatically;
        Move(ServiceOrderState.Confirmed, now);
    }

    public void Rate(int stars, string? comment, DateTimeOffset now)
    {
        Require(ServiceOrderState.Confirmed, "order_not_ratable", "只有已确认完成且尚未评价的订单可以评价");
        if (stars is < 1 or > 5)
            throw new DomainRuleViolation("rating_invalid", "评分应为 1 到 5 星");
        Stars = stars;
        RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        RatedAt = now;
        Move(ServiceOrderState.Rated, now);
    }

    /// <summary>
    /// The resident cancels: before payment nothing is owed; after payment and before acceptance everything comes back;
    /// after acceptance the item's policy decides. Not once service has started.
    /// </summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        RefundFen = State switch
        {
            ServiceOrderState.Created => 0,
            ServiceOrderState.Paid => AmountFen,
            ServiceOrderState.Accepted => Policy switch
            {
                CancellationPolicy.FullRefund => AmountFen,
                CancellationPolicy.PartialRefund => Math.Min(LateCancelRefundFen, AmountFen),
                _ => 0,
            },
            _ => throw new DomainRuleViolation("order_not_cancellable", "服务已开始或订单已结束，不能取消", StatusCodes.Status409Conflict),
        };
        CancelReason = reason.Trim();
        CancelledAt = now;
        Move(ServiceOrderState.Cancelled, now);
    }

    /// <summary>
    /// Payments reserved a refund of this order's payment. A full refund of an order not yet served ends it
    /// (<see cref="ServiceOrderState.Refunded"/>): nobody serves what was given back. An order already served, or ended
    /// another way (declined, cancelled), keeps its state and shows what was refunded.
    /// </summary>
    public void Refunding(long refundFen, DateTimeOffset now)
    {
        RefundedFen = Math.Min(AmountFen, RefundedFen + refundFen);
        if (RefundedFen == AmountFen && State is ServiceOrderState.Paid or ServiceOrderState.Accepted or ServiceOrderState.InService)
        {
            Move(ServiceOrderState.Refunded, now);
            return;
        }
        Touch(now);
    }

    /// <summary>
    /// A refund moved no money after all (WeChat closed or refused it). An order ended by a full refund stays ended: its seat
    /// is gone, and the refund is to be asked again, not the service resumed.
    /// </summary>
    public void RefundReleased(long refundFen, DateTimeOffset now)
    {
        RefundedFen = Math.Max(0, RefundedFen - refundFen);
        Touch(now);
    }

    /// <summary>Checked before a completion photo is stored, so a refused completion writes nothing.</summary>
    public void RequireInService() => Require(ServiceOrderState.InService, "order_not_in_service", "订单不在服务中");

    /// <summary>The slot whose seat this order gives back now (once), or null.</summary>
    public Guid? ReleaseSeat()
    {
        if (!SlotHeld)
            return null;
        SlotHeld = false;
        return SlotId;
    }

    private void Require(ServiceOrderState expected, string code, string detail)
    {
        if (State != expected)
            throw new DomainRuleViolation(code, detail, StatusCodes.Status409Conflict).With("state", State.ToString());
    }

    private void Move(ServiceOrderState to, DateTimeOffset now)
    {
        State = to;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
