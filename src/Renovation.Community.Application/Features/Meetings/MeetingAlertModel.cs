using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class MeetingAlertModel : IEntityTypeConfiguration<MeetingAlert>
{
    public void Configure(EntityTypeBuilder<MeetingAlert> e)
    {
        e.ToTable("MeetingAlerts");
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(120);
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.Message).HasMaxLength(500);
        e.HasIndex(x => new { x.CommunityId, x.RaisedAt });
    }
}
