using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Audit;

internal sealed class AuditEntryModel : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditLog");
        e.Property(x => x.Action).HasMaxLength(16);
        e.Property(x => x.EntityType).HasMaxLength(64);
        e.Property(x => x.EntityId).HasMaxLength(64);
        e.Property(x => x.CorrelationId).HasMaxLength(64);
        e.Property(x => x.Actor).HasMaxLength(80);
        e.HasIndex(x => new { x.EntityType, x.EntityId });
        e.HasIndex(x => x.At);
        // A community's entries, newest first (GET /communities/{id}/audit).
        e.HasIndex(x => new { x.CommunityId, x.Id });
    }
}
