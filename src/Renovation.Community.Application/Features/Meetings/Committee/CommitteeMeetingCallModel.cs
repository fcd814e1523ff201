using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class CommitteeMeetingCallModel : IEntityTypeConfiguration<CommitteeMeetingCall>
{
    public void Configure(EntityTypeBuilder<CommitteeMeetingCall> e)
    {
        e.ToTable("CommitteeMeetingCalls");
        e.Property(x => x.Reason).HasMaxLength(MeetingLimits.Description);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
        e.HasIndex(x => x.HoldBy);
    }
}
