using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class AssemblyItemModel : IEntityTypeConfiguration<AssemblyItem>
{
    public void Configure(EntityTypeBuilder<AssemblyItem> e)
    {
        e.ToTable("OwnersAssemblyItems");
        e.Property(x => x.Title).HasMaxLength(MeetingLimits.Title);
        e.Property(x => x.Description).HasMaxLength(MeetingLimits.Description);
        e.HasIndex(x => new { x.AssemblyId, x.Order }).IsUnique();
        e.HasIndex(x => x.VoteId).IsUnique();
    }
}
