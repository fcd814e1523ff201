using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// Who reaches what: residents their own orders; the staff of the item's company its items and orders (in communities
/// they can see); anyone else gets 404, so neither an order nor another company's item leaks.
/// </summary>
internal static class ServiceAccess
{
    public static AppProblem ItemNotFound() => AppProblem.NotFound("service_item_not_found", "服务项目不存在");
    public static AppProblem OrderNotFound() => AppProblem.NotFound("service_order_not_found", "服务订单不存在");

    public static async Task<bool> IsStaffOfAsync(this Access access, Guid companyId, CancellationToken ct) =>
        (await access.ScopeAsync(ct)).Grants.Any(g => g.Role == Role.PropertyStaff && g.ScopeId == companyId);

    /// <summary>The item, tracked, for its company's staff.</summary>
    public static async Task<ServiceItem> LoadItemForStaffAsync(this AppDbContext db, Guid id, Access access, CancellationToken ct)
    {
        var item = await db.ServiceItems.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw ItemNotFound();
        if (!await access.IsStaffOfAsync(item.CompanyId, ct))
            throw ItemNotFound();
        return item;
    }

    /// <summary>The order, tracked, for the resident who placed it.</summary>
    public static async Task<ServiceOrder> LoadOrderForResidentAsync(this AppDbContext db, Guid id, Access access, CancellationToken ct)
    {
        var order = await db.ServiceOrders.SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw OrderNotFound();
        if (order.ResidentUserId != access.UserId)
            throw OrderNotFound();
        return order;
    }

    /// <summary>The order, tracked, for the staff of its company.</summary>
    public static async Task<ServiceOrder> LoadOrderForStaffAsync(this AppDbContext db, Guid id, Access access, CancellationToken ct)
    {
        var order = await db.ServiceOrders.SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw OrderNotFound();
        if (!await access.IsStaffOfAsync(order.CompanyId, ct))
            throw OrderNotFound();
        return order;
    }

    /// <summary>
    /// The order for its resident, anyone who acts for its unit now (a co-owner, or the household's other member who did
    /// not place it), or its company's staff.
    /// </summary>
    public static async Task<ServiceOrder> LoadOrderForReaderAsync(this AppDbContext db, Guid id, Access access, CancellationToken ct)
    {
        var order = await db.ServiceOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw OrderNotFound();
        if (order.ResidentUserId != access.UserId && !await access.ActsForUnitAsync(order.UnitId, ct)
            && !await access.IsStaffOfAsync(order.CompanyId, ct))
            throw OrderNotFound();
        return order;
    }

    /// <summary>Whether the caller has an approved binding to the unit (their scope's bound units).</summary>
    public static async Task<bool> ActsForUnitAsync(this Access access, Guid unitId, CancellationToken ct) =>
        (await access.ScopeAsync(ct)).Units.Any(u => u.UnitId == unitId);
}
