using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class AgendaItemModel : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.ToTable("CommitteeAgendaItems");
        e.Property(x => x.Title).HasMaxLength(MeetingLimits.Title);
        e.Property(x => x.Description).HasMaxLength(MeetingLimits.Description);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.MeetingId, x.Order }).IsUnique();
    }
}
