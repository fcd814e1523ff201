using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class CommitteeMeetingModel : IEntityTypeConfiguration<CommitteeMeeting>
{
    public void Configure(EntityTypeBuilder<CommitteeMeeting> e)
    {
        e.ToTable("CommitteeMeetings", t =>
            // The database, not the handler, holds the observer capacity: the count only moves under this bound.
            t.HasCheckConstraint("CK_CommitteeMeetings_Observers", "ObserverCount >= 0 AND ObserverCount <= ObserverCapacity"));
        e.Property(x => x.Title).HasMaxLength(MeetingLimits.Title);
        e.Property(x => x.Place).HasMaxLength(MeetingLimits.Place);
        e.Property(x => x.OnlineLink).HasMaxLength(MeetingLimits.Link);
        e.Property(x => x.ResidentsCommitteeContact).HasMaxLength(MeetingLimits.Contact);
        e.Property(x => x.Minutes).HasMaxLength(MeetingLimits.Minutes);
        e.Property(x => x.CancellationReason).HasMaxLength(MeetingLimits.Reason);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Navigation(x => x.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasIndex(x => new { x.CommunityId, x.StartsAt });
        // The sweep: closed meetings whose minutes are not out yet.
        e.HasIndex(x => new { x.State, x.MinutesPublishedAt, x.ClosedAt });
    }
}
