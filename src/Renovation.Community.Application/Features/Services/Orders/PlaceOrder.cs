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
        return TypedResults.Created($"/api/v1/service-orders/{order.Id}", ServiceOrderView.From(order));
    }

    private static AppProblem SlotNotFound() => AppProblem.NotFound("slot_not_found", "预约时段不存在或已取消");

    public static async Task<Ok<ServiceOrderView>> GetAsync(Guid id, Access access, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ServiceOrderView.From(await db.LoadOrderForReaderAsync(id, access, ct)));

    public static async Task<Ok<Page<ServiceOrderView>>> MineAsync([AsParameters] PageRequest paging, Access access,
        AppDbContext db, CancellationToken ct)
    {
        var me = access.UserId;
        var page = await db.ServiceOrders.AsNoTracking().Where(o => o.ResidentUserId == me)
            .OrderByDescending(o => o.CreatedAt).ToPageAsync(paging, ct);
        return TypedResults.Ok(new Page<ServiceOrderView>(page.Items.Select(ServiceOrderView.From).ToList(), page.PageNumber,
            page.PageSize, page.Total));
    }
}
