using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

/// <summary><c>version</c> is the item's version as read: an edit made meanwhile by someone else answers 409 <c>service_item_changed</c>.</summary>
public sealed record EditServiceItemRequest(string Title, string Description, long PriceFen, string Unit, bool OnOffer, int Version)
    : IValidatable
{
    public void Validate(Validator v) =>
        v.Text(Title, "title", "服务名称", ServiceItem.MaxTitle).Text(Description, "description", "服务说明", ServiceItem.MaxDescription)
            .Text(Unit, "unit", "计价单位", ServiceItem.MaxUnit)
            .Range(PriceFen, 1, ServiceItem.MaxPriceFen, "priceFen", "价格应在 1 分到 10 万元之间");
}

/// <summary>
/// Changing the catalogue after publishing: edit an item (orders keep the snapshot they were placed with), remove a
/// photo, and remove a slot nobody holds a seat in.
/// </summary>
public static class CatalogueEdits
{
    public static async Task<Ok<ServiceItemView>> EditAsync(Guid id, EditServiceItemRequest request, Access access,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.LoadItemForStaffAsync(id, access, ct);
        if (item.Version != request.Version)
            throw Changed();
        item.Edit(request.Title, request.Description, request.PriceFen, request.Unit, request.OnOffer, clock.GetUtcNow());
        // The item's Version token refuses an edit that raced another one.
        await db.SaveOrAnswerAsync(Changed, ct);
        return TypedResults.Ok(await Catalogue.ViewAsync(db, item, clock, ct));
    }

    /// <summary>The row goes first; the file is deleted after the commit (a failed delete leaves an unreferenced file, never a broken row).</summary>
    public static async Task<Ok<ServiceItemView>> RemovePhotoAsync(Guid id, Guid photoId, Access access, AppDbContext db,
        IFileStore store, TimeProvider clock, ILogger<ServiceItemPhoto> logger, CancellationToken ct)
    {
        var item = await db.LoadItemForStaffAsync(id, access, ct);
        var photo = await db.ServiceItemPhotos.SingleOrDefaultAsync(p => p.Id == photoId && p.ItemId == id, ct)
            ?? throw AppProblem.NotFound("file_not_found", "文件不存在");
        db.ServiceItemPhotos.Remove(photo);
        await db.SaveOrAnswerAsync(() => AppProblem.NotFound("file_not_found", "文件不存在"), ct);
        try
        {
            await store.DeleteAsync(photo.StorageKey, CancellationToken.None);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete the removed service item photo {PhotoId}", photoId);
        }
        return TypedResults.Ok(await Catalogue.ViewAsync(db, item, clock, ct));
    }

    /// <summary>Only while no order holds a seat in it; the database decides (<see cref="SlotSeats.TryRemoveAsync"/>).</summary>
    public static async Task<Ok<ServiceItemView>> RemoveSlotAsync(Guid id, Guid slotId, Access access, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var item = await db.LoadItemForStaffAsync(id, access, ct);
        var slot = await db.ServiceSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == slotId && s.ItemId == id
            && s.RemovedAt == null, ct) ?? throw AppProblem.NotFound("slot_not_found", "预约时段不存在或已取消");
        if (!await SlotSeats.TryRemoveAsync(db, slot.Id, clock.GetUtcNow(), ct))
            throw await db.ServiceSlots.AnyAsync(s => s.Id == slot.Id && s.RemovedAt != null, ct)
                ? AppProblem.NotFound("slot_not_found", "预约时段不存在或已取消")
                : AppProblem.Conflict("slot_has_orders", "该时段已有预约或已支付的订单，不能取消");
        return TypedResults.Ok(await Catalogue.ViewAsync(db, item, clock, ct));
    }

    private static AppProblem Changed() => AppProblem.Conflict("service_item_changed", "该服务已被他人修改，请刷新后重试");
}
