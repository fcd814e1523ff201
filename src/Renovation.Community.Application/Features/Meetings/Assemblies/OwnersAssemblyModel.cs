using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class OwnersAssemblyModel : IEntityTypeConfiguration<OwnersAssembly>
{
    public void Configure(EntityTypeBuilder<OwnersAssembly> e)
    {
        e.ToTable("OwnersAssemblies");
        e.Property(x => x.Title).HasMaxLength(MeetingLimits.Title);
        e.Property(x => x.Place).HasMaxLength(MeetingLimits.Place);
        e.Property(x => x.Method).HasMaxLength(MeetingLimits.Place);
        e.Property(x => x.ResultsRecord).HasMaxLength(MeetingLimits.Minutes);
        e.Property(x => x.CancellationReason).HasMaxLength(MeetingLimits.Reason);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.AssemblyId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasIndex(x => new { x.CommunityId, x.StartsAt });
        // One assembly per owners' demand.
        e.HasIndex(x => x.DemandId).IsUnique();
    }
}
