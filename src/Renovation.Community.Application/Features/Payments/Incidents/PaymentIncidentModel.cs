using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Payments;

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
