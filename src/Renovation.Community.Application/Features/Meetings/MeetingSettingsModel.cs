using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class MeetingSettingsModel : IEntityTypeConfiguration<MeetingSettings>
{
    public void Configure(EntityTypeBuilder<MeetingSettings> e)
    {
        e.ToTable("MeetingSettings");
        e.HasKey(x => x.CommunityId);
        e.Property(x => x.ResidentsCommitteeContact).HasMaxLength(MeetingLimits.Contact);
    }
}
