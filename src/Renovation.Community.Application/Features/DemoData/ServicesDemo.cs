using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Services;

namespace Renovation.Community.Application.Features.DemoData;

/// <summary>
/// A small service menu for each demo community, published by its property company (sign in as property-a or
/// property-b to work the orders): cleaning and elderly care with slots over the next three days, appliance cleaning
/// without slots, and a meal-help item not yet on offer (staff edit it and put it on the menu in the quick-start).
/// </summary>
internal static class ServicesDemo
{
    public static async Task SeedAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var communities = await db.Communities.Where(c => c.PropertyCompanyId != null)
            .Select(c => new { c.Id, CompanyId = c.PropertyCompanyId!.Value }).ToListAsync(ct);
        var today = new DateTimeOffset(now.ToChina().Date, ChinaTime.Offset);
        foreach (var community in communities)
        {
            var cleaning = Add(db, community.Id, new ServiceItem(community.CompanyId, ServiceCategory.Cleaning, "日常保洁（2小时）",
                "保洁员上门打扫客厅、卧室、厨房和卫生间，自带工具与清洁剂。", 8000, "次", true, CancellationPolicy.FullRefund, 0, now));
            var care = Add(db, community.Id, new ServiceItem(community.CompanyId, ServiceCategory.ElderlyCare, "助老陪护",
                "陪同就医、代购代办、居家看护，按小时计费。接单后取消退还 20 元。", 5000, "小时", true, CancellationPolicy.PartialRefund, 2000, now));
            Add(db, community.Id, new ServiceItem(community.CompanyId, ServiceCategory.ApplianceRepair, "空调清洗",
                "挂机拆洗滤网与蒸发器消毒，柜机加收。接单后取消不退款。", 12000, "台", false, CancellationPolicy.NoRefund, 0, now));
            var meals = Add(db, community.Id, new ServiceItem(community.CompanyId, ServiceCategory.MealHelp, "助餐送餐",
                "每日午餐送到家，两荤一素一汤。", 1500, "份", false, CancellationPolicy.FullRefund, 0, now));
            meals.Withdraw(now);
            for (var day = 1; day <= 3; day++)
                foreach (var hour in new[] { 9, 14 })
                {
                    var start = today.AddDays(day).AddHours(hour);
                    db.ServiceSlots.Add(new ServiceSlot(cleaning.Id, start, start.AddHours(2), 3));
                    db.ServiceSlots.Add(new ServiceSlot(care.Id, start, start.AddHours(3), 2));
                }
        }
        await db.SaveChangesAsync(ct);
    }

    private static ServiceItem Add(AppDbContext db, Guid communityId, ServiceItem item)
    {
        db.ServiceItems.Add(item);
        db.ServiceItemCommunities.Add(new ServiceItemCommunity(item.Id, communityId));
        return item;
    }
}
