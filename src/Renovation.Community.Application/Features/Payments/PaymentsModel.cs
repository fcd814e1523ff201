using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Payments;

internal sealed class PaymentModel : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> e)
    {
        e.ToTable("Payments", t =>
        {
            // The database, not only the entity, refuses refunding more than was paid or a negative amount.
            t.HasCheckConstraint("CK_Payments_Refunded", "RefundedFen >= 0 AND RefundedFen <= AmountFen");
            // Failed refunds keep their number but leave the limit: at most 50 refunds that are not failed.
            t.HasCheckConstraint("CK_Payments_RefundCount",
                $"FailedRefundCount >= 0 AND FailedRefundCount <= RefundCount AND RefundCount <= {Payment.MaxRefundNumbers} AND RefundCount - FailedRefundCount <= {Payment.MaxRefunds}");
            t.HasCheckConstraint("CK_Payments_Amount", "AmountFen > 0");
        });
        e.Property(x => x.OutTradeNo).HasMaxLength(32);
        e.Property(x => x.Purpose).HasMaxLength(64);
        e.Property(x => x.PayerOpenId).HasMaxLength(128);
        e.Property(x => x.Description).HasMaxLength(Payment.MaxDescription);
        e.Property(x => x.RejectionReason).HasMaxLength(200);
        e.Property(x => x.PrepayId).HasMaxLength(64);
        e.Property(x => x.TransactionId).HasMaxLength(32);
        e.Property(x => x.FailureReason).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.OutTradeNo).IsUnique();
        // One credit per WeChat transaction, whatever path brought it.
        e.HasIndex(x => x.TransactionId).IsUnique();
        e.HasIndex(x => new { x.PayerUserId, x.CreatedAt });
        // At most one open payment per purpose and subject, whoever pays (OpenKey is NULL once it ended): two co-owners
        // cannot both be charged for one share. Also how a prepay finds the open one to return again.
        e.HasIndex(x => new { x.Purpose, x.SubjectId, x.OpenKey }).IsUnique();
        e.HasIndex(x => new { x.CommunityId, x.Owner, x.CreatedAt });
        // The sweep: open orders by how long they have been silent or expired.
        e.HasIndex(x => new { x.State, x.ExpiresAt });
        e.HasIndex(x => new { x.State, x.PaidAt });
    }
}

internal sealed class PaymentRefundModel : IEntityTypeConfiguration<PaymentRefund>
{
    public void Configure(EntityTypeBuilder<PaymentRefund> e)
    {
        e.ToTable("PaymentRefunds", t =>
        {
            t.HasCheckConstraint("CK_PaymentRefunds_Sequence", $"Sequence >= 1 AND Sequence <= {Payment.MaxRefundNumbers}");
            t.HasCheckConstraint("CK_PaymentRefunds_Amount", "AmountFen > 0");
        });
        e.Property(x => x.OutRefundNo).HasMaxLength(64);
        e.Property(x => x.Reason).HasMaxLength(PaymentRefund.MaxReason);
        e.Property(x => x.WeChatRefundId).HasMaxLength(32);
        e.Property(x => x.LastError).HasMaxLength(300);
        e.Property(x => x.OverrideReason).HasMaxLength(PaymentRefund.MaxReason);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Payment>().WithMany().HasForeignKey(x => x.PaymentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.OutRefundNo).IsUnique();
        // Each refund takes the next sequence number of its payment once (the 50 limit is Payments' check constraint).
        e.HasIndex(x => new { x.PaymentId, x.Sequence }).IsUnique();
        // A purpose's refund for one reason (a cancelled service order …) at most once per payment; NULLs never collide.
        e.Property(x => x.SubjectKey).HasMaxLength(64);
        e.HasIndex(x => new { x.PaymentId, x.SubjectKey }).IsUnique();
        e.HasIndex(x => new { x.State, x.NextAttemptAt });
    }
}

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

internal sealed class PaymentIncidentModel : IEntityTypeConfiguration<PaymentIncident>
{
    public void Configure(EntityTypeBuilder<PaymentIncident> e)
    {
        e.ToTable("PaymentIncidents");
        e.Property(x => x.Reference).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(PaymentIncident.MaxDetail);
        e.Property(x => x.NotificationId).HasMaxLength(64);
        e.Property(x => x.ResolutionNote).HasMaxLength(PaymentIncident.MaxDetail);
        // Resolving is UPDATE … WHERE ResolvedAt IS NULL: of two concurrent resolutions the database lets one through.
        e.Property(x => x.ResolvedAt).IsConcurrencyToken();
        e.HasIndex(x => new { x.Kind, x.CreatedAt });
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
        e.HasIndex(x => new { x.ResolvedAt, x.CreatedAt });
        e.HasIndex(x => x.PaymentId);
    }
}
