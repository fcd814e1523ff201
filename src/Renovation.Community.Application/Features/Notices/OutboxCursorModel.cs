using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Notices;

internal sealed class OutboxCursorModel : IEntityTypeConfiguration<OutboxCursor>
{
    public void Configure(EntityTypeBuilder<OutboxCursor> e)
    {
        e.ToTable("OutboxCursors");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(64);
    }
}
