using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class MeetingMemberModel : IEntityTypeConfiguration<MeetingMember>
{
    public void Configure(EntityTypeBuilder<MeetingMember> e)
    {
        e.ToTable("CommitteeMeetingMembers");
        e.HasKey(x => new { x.MeetingId, x.UserId });
        // Attendance is recorded once: two racing check-ins cannot both move it.
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}
