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
