using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class AssemblyDemandModel : IEntityTypeConfiguration<AssemblyDemand>
{
    public void Configure(EntityTypeBuilder<AssemblyDemand> e)
    {
        e.ToTable("AssemblyDemands");
        e.Property(x => x.Purpose).HasMaxLength(MeetingLimits.Description);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
    }
}
