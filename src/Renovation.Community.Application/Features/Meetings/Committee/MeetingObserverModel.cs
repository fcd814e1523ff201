using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class MeetingObserverModel : IEntityTypeConfiguration<MeetingObserver>
{
    public void Configure(EntityTypeBuilder<MeetingObserver> e)
    {
        e.ToTable("CommitteeMeetingObservers");
        e.HasOne<CommitteeMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.MeetingId, x.UserId }).IsUnique();
    }
}
