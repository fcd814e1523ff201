using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Services;

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
