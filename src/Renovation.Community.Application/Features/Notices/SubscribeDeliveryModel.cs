using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Notices;

internal sealed class SubscribeDeliveryModel : IEntityTypeConfiguration<SubscribeDelivery>
{
    public void Configure(EntityTypeBuilder<SubscribeDelivery> e)
    {
        e.ToTable("SubscribeDeliveries");
        e.Property(x => x.Kind).HasMaxLength(64);
        e.Property(x => x.TemplateId).HasMaxLength(64);
        e.Property(x => x.LastError).HasMaxLength(500);
        // Never twice for one event and one resident.
        e.HasIndex(x => new { x.EventId, x.UserId }).IsUnique();
        e.HasIndex(x => new { x.State, x.NextAttemptAt });
        e.HasIndex(x => new { x.SubjectId, x.State });
    }
}
