using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Services;

internal sealed class ServiceItemModel : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> e)
    {
        e.ToTable("ServiceItems", t =>
        {
            t.HasCheckConstraint("CK_ServiceItems_Price", $"PriceFen > 0 AND PriceFen <= {ServiceItem.MaxPriceFen}");
            t.HasCheckConstraint("CK_ServiceItems_LateCancelRefund", "LateCancelRefundFen >= 0");
        });
        e.Property(x => x.Title).HasMaxLength(ServiceItem.MaxTitle);
        e.Property(x => x.Description).HasMaxLength(ServiceItem.MaxDescription);
        e.Property(x => x.Unit).HasMaxLength(ServiceItem.MaxUnit);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<PropertyCompany>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CompanyId, x.CreatedAt });
    }
}

internal sealed class ServiceItemCommunityModel : IEntityTypeConfiguration<ServiceItemCommunity>
{
    public void Configure(EntityTypeBuilder<ServiceItemCommunity> e)
    {
        e.ToTable("ServiceItemCommunities");
        e.HasKey(x => new { x.ItemId, x.CommunityId });
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.CommunityId);
    }
}

internal sealed class ServiceItemPhotoModel : IEntityTypeConfiguration<ServiceItemPhoto>
{
    public void Configure(EntityTypeBuilder<ServiceItemPhoto> e)
    {
        e.ToTable("ServiceItemPhotos");
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.Property(x => x.StorageKey).HasMaxLength(200);
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceSlotModel : IEntityTypeConfiguration<ServiceSlot>
{
    public void Configure(EntityTypeBuilder<ServiceSlot> e)
    {
        // The database refuses overbooking even if a write path forgot the conditional UPDATE.
        e.ToTable("ServiceSlots", t =>
        {
            t.HasCheckConstraint("CK_ServiceSlots_Held", "Held >= 0 AND Held <= Capacity");
            t.HasCheckConstraint("CK_ServiceSlots_Capacity", $"Capacity >= 1 AND Capacity <= {ServiceSlot.MaxCapacity}");
        });
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ItemId, x.StartsAt });
    }
}

internal sealed class ServiceOrderModel : IEntityTypeConfiguration<ServiceOrder>
{
    public void Configure(EntityTypeBuilder<ServiceOrder> e)
    {
        e.ToTable("ServiceOrders", t =>
        {
            t.HasCheckConstraint("CK_ServiceOrders_Amount", "AmountFen > 0");
            t.HasCheckConstraint("CK_ServiceOrders_Refund", "RefundFen >= 0 AND RefundFen <= AmountFen");
            t.HasCheckConstraint("CK_ServiceOrders_Refunded", "RefundedFen >= 0 AND RefundedFen <= AmountFen");
            t.HasCheckConstraint("CK_ServiceOrders_Stars", "Stars IS NULL OR (Stars >= 1 AND Stars <= 5)");
        });
        e.Ignore(x => x.RefundStatus);
        e.Property(x => x.ItemTitle).HasMaxLength(ServiceItem.MaxTitle);
        e.Property(x => x.PriceUnit).HasMaxLength(ServiceItem.MaxUnit);
        e.Property(x => x.Note).HasMaxLength(ServiceOrder.MaxNote);
        e.Property(x => x.DeclineReason).HasMaxLength(ServiceOrder.MaxReason);
        e.Property(x => x.CancelReason).HasMaxLength(ServiceOrder.MaxReason);
        e.Property(x => x.RatingComment).HasMaxLength(ServiceOrder.MaxComment);
        e.Property(x => x.CompletionPhotoKey).HasMaxLength(200);
        e.Property(x => x.CompletionPhotoType).HasMaxLength(64);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ServiceSlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ResidentUserId, x.CreatedAt });
        // Staff views: a community's orders by state and day; the company's income by payment day.
        e.HasIndex(x => new { x.CommunityId, x.State, x.CreatedAt });
        e.HasIndex(x => new { x.CompanyId, x.PaidAt });
        // The sweep: unpaid orders by expiry, completed ones by completion.
        e.HasIndex(x => new { x.State, x.ExpiresAt });
        e.HasIndex(x => new { x.State, x.CompletedAt });
    }
}

internal sealed class ServiceDisputeModel : IEntityTypeConfiguration<ServiceDispute>
{
    public void Configure(EntityTypeBuilder<ServiceDispute> e)
    {
        e.ToTable("ServiceDisputes");
        e.Property(x => x.Text).HasMaxLength(ServiceDispute.MaxText);
        e.Property(x => x.Answer).HasMaxLength(ServiceDispute.MaxText);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<ServiceOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        // One complaint per order.
        e.HasIndex(x => x.OrderId).IsUnique();
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
    }
}
