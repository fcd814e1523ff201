using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Payments;

internal sealed class PaymentNotificationRecordModel : IEntityTypeConfiguration<PaymentNotificationRecord>
{
    public void Configure(EntityTypeBuilder<PaymentNotificationRecord> e)
    {
        e.ToTable("PaymentNotifications");
        e.Property(x => x.NotificationId).HasMaxLength(64);
        e.Property(x => x.EventType).HasMaxLength(32);
        e.Property(x => x.OutTradeNo).HasMaxLength(32);
        e.Property(x => x.OutRefundNo).HasMaxLength(64);
        e.Property(x => x.TransactionId).HasMaxLength(32);
        e.Property(x => x.State).HasMaxLength(32);
        e.Property(x => x.Plaintext).HasMaxLength(8000);
        e.HasIndex(x => x.NotificationId);
        e.HasIndex(x => new { x.OutTradeNo, x.ReceivedAt });
    }
}
