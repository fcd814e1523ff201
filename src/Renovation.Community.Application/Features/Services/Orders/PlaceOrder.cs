using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

public sealed record PlaceServiceOrderRequest(Guid ItemId, Guid UnitId, int Quantity, Guid? SlotId, string? Note) : IValidatable
{
    public void Validate(Validator v)
    {
        v.NotEmpty(ItemId, "itemId", "服务项目").NotEmpty(UnitId, "unitId", "房屋")
            .Range(Quantity, 1, ServiceOrder.MaxQuantity, "quantity", $"数量应在 1 到 {ServiceOrder.MaxQuantity} 之间")
            .Text(Note, "note", "备注", ServiceOrder.MaxNote, required: false);
        if (SlotId == Guid.Empty)
            v.Add("slotId", "请选择预约时段");
    }
}

/// <summary>
/// A bound resident orders for one of their units. The slot seat is taken in the same transaction as the order is
/// inserted, by a conditional UPDATE (see <see cref="SlotSeats"/>): of any number of concurrent orders for the last
/// seats, exactly as many as there are seats succeed, the others get 409 <c>slot_full</c>.
/// </summary>
public static class PlaceOrder
{
    public static async Task<Created<ServiceOrderView>> CreateAsync(PlaceServiceOrderRequest request, Access access,
        AppDbContext db, EventOutbox outbox, IOptions<ServicesOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var unit = (await access.ScopeAsync(ct)).Units.FirstOrDefault(u => u.UnitId == request.UnitId)
            ?? throw new AppProblem(StatusCodes.Status403Forbidden, "unit_not_bound", "您未绑定该房屋，不能为其下单");
        var item = await db.ServiceItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.ItemId
            && db.ServiceItemCommunities.Any(c => c.ItemId == i.Id && c.CommunityId == unit.CommunityId), ct)
            ?? throw ServiceAccess.ItemNotFound();
        item.RequireOnOffer();
        var now = clock.GetUtcNow();
        ServiceSlot? slot = null;
        if (request.SlotId is { } slotId)
        {
            slot = await db.ServiceSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == slotId && s.ItemId == item.Id
                    && s.RemovedAt == null, ct) ?? throw SlotNotFound();
            if (slot.StartsAt <= now)
                throw new DomainRuleViolation("slot_started", "该时段已开始，请选择其他时段");
        }
        var order = new ServiceOrder(item, unit.CommunityId, unit.UnitId, access.UserId, slot, request.Quantity, request.Note,
            TimeSpan.FromSeconds(options.Value.HoldSeconds), now);

        await db.InTransactionAsync(async c =>
        {
            if (slot is not null && !await SlotSeats.TryHoldAsync(db, slot.Id, c))
                // Staff may have removed the slot since we read it: answer as we would have one at a time.
                throw await db.ServiceSlots.AnyAsync(s => s.Id == slot.Id && s.RemovedAt != null, c)
                    ? SlotNotFound()
                    : AppProblem.Conflict("slot_full", "该时段已约满，请选择其他时段");
            db.ServiceOrders.Add(order);
            ServiceEvents.Emit(outbox, ServiceEvents.Created, order);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        return TypedResults.Created($"/api/v1/service-orders/{order.Id}", await OrderDetails.DescribeAsync(db, order, ct));
    }

    private static AppProblem SlotNotFound() => AppProblem.NotFound("slot_not_found", "预约时段不存在或已取消");

    /// <summary>
    /// One order, with where to go, whom to ask for and its complaint. The contact phone is shown in full only to the
    /// staff member who accepted the order, while it is to be done (accepted or in service): they are the one who calls.
    /// Each such read is recorded (and so audited) as a <see cref="ContactPhoneRead"/>; everyone else sees it masked.
    /// </summary>
    public static async Task<Ok<ServiceOrderView>> GetAsync(Guid id, Access access, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var order = await db.LoadOrderForReaderAsync(id, access, ct);
        var me = access.UserId;
        var assigned = order.DecidedBy == me && order.State is ServiceOrderState.Accepted or ServiceOrderState.InService
            && await access.IsStaffOfAsync(order.CompanyId, ct);
        var revealed = new List<OrderDetails.Revealed>();
        var view = (await OrderDetails.DescribeAsync(db, [order], ct, _ => assigned, revealed))[0];
        if (revealed.Count > 0)
        {
            var now = clock.GetUtcNow();
            foreach (var read in revealed)
                db.ContactPhoneReads.Add(new ContactPhoneRead(order, read.MemberId, read.Name, me, now));
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(view);
    }

    public static async Task<Ok<Page<ServiceOrderView>>> MineAsync([AsParameters] PageRequest paging, Access access,
        AppDbContext db, CancellationToken ct)
    {
        var me = access.UserId;
        var page = await db.ServiceOrders.AsNoTracking().Where(o => o.ResidentUserId == me)
            .OrderByDescending(o => o.CreatedAt).ToPageAsync(paging, ct);
        return TypedResults.Ok(new Page<ServiceOrderView>(await OrderDetails.DescribeAsync(db, page.Items, ct), page.PageNumber,
            page.PageSize, page.Total));
    }

    /// <summary>
    /// The complaint about an order and the company's answer, for the resident who placed it, anyone acting for its unit
    /// and the company's staff; anyone else gets 404 (the order's existence does not leak).
    /// </summary>
    public static async Task<Ok<ServiceDisputeView>> DisputeAsync(Guid id, Access access, AppDbContext db, CancellationToken ct)
    {
        await db.LoadOrderForReaderAsync(id, access, ct);
        var dispute = await db.ServiceDisputes.AsNoTracking().SingleOrDefaultAsync(d => d.OrderId == id, ct)
            ?? throw AppProblem.NotFound("dispute_not_found", "该订单没有投诉");
        return TypedResults.Ok(ServiceDisputeView.From(dispute));
    }
}
