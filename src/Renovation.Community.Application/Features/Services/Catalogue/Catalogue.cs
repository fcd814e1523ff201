using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

public sealed record CreateServiceItemRequest(ServiceCategory Category, string Title, string Description, long PriceFen,
    string Unit, bool RequiresSlot, CancellationPolicy CancellationPolicy, long? LateCancelRefundFen, List<Guid> CommunityIds)
    : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(Title, "title", "服务名称", ServiceItem.MaxTitle).Text(Description, "description", "服务说明", ServiceItem.MaxDescription)
            .Text(Unit, "unit", "计价单位", ServiceItem.MaxUnit)
            .Range(PriceFen, 1, ServiceItem.MaxPriceFen, "priceFen", "价格应在 1 分到 10 万元之间");
        if (CommunityIds.Count is 0 or > 50 || CommunityIds.Contains(Guid.Empty))
            v.Add("communityIds", "请选择 1 到 50 个提供该服务的小区");
        if (CancellationPolicy == CancellationPolicy.PartialRefund)
            v.Range(LateCancelRefundFen ?? -1, 0, PriceFen, "lateCancelRefundFen", "部分退款金额应在 0 到单价之间");
    }
}

public sealed record AddServiceSlotRequest(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Range(Capacity, 1, ServiceSlot.MaxCapacity, "capacity", $"名额应在 1 到 {ServiceSlot.MaxCapacity} 之间");
        if (EndsAt <= StartsAt)
            v.Add("endsAt", "结束时间必须晚于开始时间");
        // Far-off dates are typos, and beyond what every database stores.
        if (StartsAt.UtcDateTime.Year is < 2000 or > 2100 || EndsAt.UtcDateTime.Year is < 2000 or > 2100)
            v.Add("startsAt", "时段日期超出范围");
    }
}

/// <summary>The company's catalogue: items scoped to communities it serves, their photos and time slots.</summary>
public static class Catalogue
{
    public const long MaxPhotoBytes = 5 * 1024 * 1024;
    public const int MaxPhotos = 9;

    public static async Task<Created<ServiceItemView>> CreateAsync(CreateServiceItemRequest request, Access access,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        Guid? companyId = null;
        var communityIds = request.CommunityIds.Distinct().ToList();
        foreach (var communityId in communityIds)
        {
            var place = await access.RequireAsync(communityId, Permission.ManageServices, ct);
            if (companyId is not null && companyId != place.PropertyCompanyId)
                throw new DomainRuleViolation("communities_of_different_companies", "所选小区不属于同一家物业服务企业");
            companyId = place.PropertyCompanyId;
        }
        var item = new ServiceItem(companyId!.Value, request.Category, request.Title, request.Description, request.PriceFen,
            request.Unit, request.RequiresSlot, request.CancellationPolicy, request.LateCancelRefundFen ?? 0, clock.GetUtcNow());
        db.ServiceItems.Add(item);
        db.ServiceItemCommunities.AddRange(communityIds.Select(c => new ServiceItemCommunity(item.Id, c)));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/service-items/{item.Id}", ServiceItemView.From(item, communityIds, [], []));
    }

    public static async Task<Created<ServiceSlotView>> AddSlotAsync(Guid id, AddServiceSlotRequest request, Access access,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.LoadItemForStaffAsync(id, access, ct);
        if (!item.RequiresSlot)
            throw new DomainRuleViolation("slot_not_offered", "该服务无需预约时段");
        if (request.StartsAt <= clock.GetUtcNow())
            throw new DomainRuleViolation("slot_in_past", "时段开始时间必须晚于现在");
        var slot = new ServiceSlot(item.Id, request.StartsAt, request.EndsAt, request.Capacity);
        db.ServiceSlots.Add(slot);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/service-items/{item.Id}", ServiceSlotView.From(slot));
    }

    public static Task<Ok<ServiceItemView>> WithdrawAsync(Guid id, Access access, AppDbContext db, TimeProvider clock,
        CancellationToken ct) => SetOfferAsync(id, false, access, db, clock, ct);

    public static Task<Ok<ServiceItemView>> OfferAsync(Guid id, Access access, AppDbContext db, TimeProvider clock,
        CancellationToken ct) => SetOfferAsync(id, true, access, db, clock, ct);

    private static async Task<Ok<ServiceItemView>> SetOfferAsync(Guid id, bool onOffer, Access access, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var item = await db.LoadItemForStaffAsync(id, access, ct);
        if (onOffer)
            item.Offer(clock.GetUtcNow());
        else
            item.Withdraw(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ViewsAsync(db, [item], clock, ct))[0]);
    }

    public static async Task<Created<ServiceItemView>> UploadPhotoAsync(Guid id, IFormFile file, Access access, AppDbContext db,
        IFileStore store, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.LoadItemForStaffAsync(id, access, ct);
        if (await db.ServiceItemPhotos.CountAsync(p => p.ItemId == id, ct) >= MaxPhotos)
            throw new DomainRuleViolation("too_many_photos", $"每个服务最多 {MaxPhotos} 张照片");
        var upload = await Uploads.CheckAndStoreAsync(file, MaxPhotoBytes, store, ct);
        if (upload.Type.Kind != FileKind.Image)
            throw new AppProblem(StatusCodes.Status415UnsupportedMediaType, "photo_type_not_allowed", "服务照片只能是 PNG、JPEG 或 WebP 图片");
        db.ServiceItemPhotos.Add(new ServiceItemPhoto(id, upload.Type.ContentType, upload.Stored.Key, upload.Stored.SizeBytes,
            access.UserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/service-items/{id}", (await ViewsAsync(db, [item], clock, ct))[0]);
    }

    public static async Task<FileStreamHttpResult> DownloadPhotoAsync(Guid id, Guid photoId, Access access, AppDbContext db,
        IFileStore store, CancellationToken ct)
    {
        await LoadVisibleItemAsync(db, id, access, ct);
        var photo = await db.ServiceItemPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && p.ItemId == id, ct)
            ?? throw AppProblem.NotFound("file_not_found", "文件不存在");
        var content = await store.OpenReadAsync(photo.StorageKey, ct) ?? throw AppProblem.NotFound("file_not_found", "文件不存在");
        return TypedResults.Stream(content, photo.ContentType);
    }

    public static async Task<Ok<ServiceItemView>> GetAsync(Guid id, Access access, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        TypedResults.Ok((await ViewsAsync(db, [await LoadVisibleItemAsync(db, id, access, ct)], clock, ct))[0]);

    /// <summary>
    /// A community's menu: residents (and anyone who sees the community) get the items on offer with upcoming slots; the
    /// serving company's staff also get the withdrawn ones.
    /// </summary>
    public static async Task<Ok<List<ServiceItemView>>> ForCommunityAsync(Guid communityId, Access access, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var place = await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var staff = place.PropertyCompanyId is { } company && await access.IsStaffOfAsync(company, ct);
        var items = await db.ServiceItems.AsNoTracking()
            .Where(i => db.ServiceItemCommunities.Any(c => c.ItemId == i.Id && c.CommunityId == communityId))
            .Where(i => i.OnOffer || (staff && i.CompanyId == place.PropertyCompanyId))
            .OrderBy(i => i.Category).ThenBy(i => i.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(await ViewsAsync(db, items, clock, ct));
    }

    /// <summary>Staff of the item's company always; others when it is on offer in a community they can see.</summary>
    private static async Task<ServiceItem> LoadVisibleItemAsync(AppDbContext db, Guid id, Access access, CancellationToken ct)
    {
        var item = await db.ServiceItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw ServiceAccess.ItemNotFound();
        if (await access.IsStaffOfAsync(item.CompanyId, ct))
            return item;
        if (!item.OnOffer)
            throw ServiceAccess.ItemNotFound();
        var scope = await access.ScopeAsync(ct);
        foreach (var communityId in await db.ServiceItemCommunities.Where(c => c.ItemId == id).Select(c => c.CommunityId).ToListAsync(ct))
            if (await access.FindPlaceAsync(communityId, ct) is { } place && scope.Allows(Permission.ViewCommunity, place))
                return item;
        throw ServiceAccess.ItemNotFound();
    }

    internal static async Task<ServiceItemView> ViewAsync(AppDbContext db, ServiceItem item, TimeProvider clock, CancellationToken ct) =>
        (await ViewsAsync(db, [item], clock, ct))[0];

    private static async Task<List<ServiceItemView>> ViewsAsync(AppDbContext db, IReadOnlyList<ServiceItem> items,
        TimeProvider clock, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var now = clock.GetUtcNow();
        var communities = await db.ServiceItemCommunities.AsNoTracking().Where(c => ids.Contains(c.ItemId)).ToListAsync(ct);
        var photos = await db.ServiceItemPhotos.AsNoTracking().Where(p => ids.Contains(p.ItemId))
            .Select(p => new { p.ItemId, p.Id, p.UploadedAt }).ToListAsync(ct);
        var slots = await db.ServiceSlots.AsNoTracking().Where(s => ids.Contains(s.ItemId) && s.StartsAt > now && s.RemovedAt == null)
            .ToListAsync(ct);
        return items.Select(i => ServiceItemView.From(i,
            communities.Where(c => c.ItemId == i.Id).Select(c => c.CommunityId).ToList(),
            photos.Where(p => p.ItemId == i.Id).OrderBy(p => p.UploadedAt).Select(p => p.Id).ToList(),
            slots.Where(s => s.ItemId == i.Id).OrderBy(s => s.StartsAt).ToList())).ToList();
    }
}
