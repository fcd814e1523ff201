using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Payments;

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
