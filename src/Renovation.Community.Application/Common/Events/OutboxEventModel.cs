using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Common.Events;

internal sealed class OutboxEventModel : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> e)
    {
        e.ToTable("OutboxEvents");
        e.Property(x => x.Kind).HasMaxLength(64);
        e.Property(x => x.Audience).HasMaxLength(64);
        e.HasIndex(x => x.EventId).IsUnique();
        e.HasIndex(x => x.Sequence).IsUnique();
        // The catch-up query filters by audience and walks the sequence.
        e.HasIndex(x => new { x.Audience, x.Sequence });
        // The dispatcher looks for sequenced events not yet published, in sequence order: with PublishedAt alone,
        // MariaDB walked the whole Sequence index (every event still within retention) on every round.
        e.HasIndex(x => new { x.PublishedAt, x.Sequence });
    }
}
