using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Services;

/// <summary>菜单式服务的类别.</summary>
public enum ServiceCategory
{
    Cleaning = 0,
    ElderlyCare = 1,
    MealHelp = 2,
    Childcare = 3,
    ApplianceRepair = 4,
    HomeRepair = 5,
    Other = 6,
}

/// <summary>What a resident gets back when cancelling after the company accepted (before that it is always everything).</summary>
public enum CancellationPolicy
{
    FullRefund = 0,
    /// <summary>A fixed number of fen (<see cref="ServiceItem.LateCancelRefundFen"/>), at most what was paid.</summary>
    PartialRefund = 1,
    NoRefund = 2,
}

/// <summary>
/// A paid service a property company offers in some of the communities it serves (菜单式服务). Its price is the
/// server's; an order copies what it needs at the moment it is placed, so later edits never change an order.
/// </summary>
public sealed class ServiceItem : IAudited
{
    public const int MaxTitle = 60;
    public const int MaxDescription = 2000;
    public const int MaxUnit = 10;
    public const long MaxPriceFen = 10_000_000; // 10 万元: a typo guard, far above any household service

    private ServiceItem() { }

    public ServiceItem(Guid companyId, ServiceCategory category, string title, string description, long priceFen,
        string unit, bool requiresSlot, CancellationPolicy policy, long lateCancelRefundFen, DateTimeOffset now)
    {
        Id = Ids.New();
        CompanyId = companyId;
        Category = category;
        Title = title.Trim();
        Description = description.Trim();
        PriceFen = priceFen;
        Unit = unit.Trim();
        RequiresSlot = requiresSlot;
        Policy = policy;
        LateCancelRefundFen = policy == CancellationPolicy.PartialRefund ? lateCancelRefundFen : 0;
        OnOffer = true;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public ServiceCategory Category { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public long PriceFen { get; private set; }
    /// <summary>What the price is per: 次, 小时, 平方米 …</summary>
    public string Unit { get; private set; } = "";
    /// <summary>Orders must name one of its time slots.</summary>
    public bool RequiresSlot { get; private set; }
    public CancellationPolicy Policy { get; private set; }
    public long LateCancelRefundFen { get; private set; }
    public bool OnOffer { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Changes what new orders get; orders already placed keep their snapshot.</summary>
    public void Edit(string title, string description, long priceFen, string unit, bool onOffer, DateTimeOffset now)
    {
        if (Policy == CancellationPolicy.PartialRefund && LateCancelRefundFen > priceFen)
            throw new DomainRuleViolation("late_cancel_refund_above_price", "价格不能低于取消时的部分退款金额")
                .With("lateCancelRefundFen", LateCancelRefundFen);
        Title = title.Trim();
        Description = description.Trim();
        PriceFen = priceFen;
        Unit = unit.Trim();
        SetOffer(onOffer, now);
    }

    public void Withdraw(DateTimeOffset now) => SetOffer(false, now);

    public void Offer(DateTimeOffset now) => SetOffer(true, now);

    private void SetOffer(bool onOffer, DateTimeOffset now)
    {
        OnOffer = onOffer;
        UpdatedAt = now;
        Version++;
    }

    public void RequireOnOffer()
    {
        if (!OnOffer)
            throw new DomainRuleViolation("service_item_withdrawn", "该服务已下架，不能下单");
    }
}
