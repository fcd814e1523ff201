using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Projects;

internal sealed class ProgressEntryModel : IEntityTypeConfiguration<ProgressEntry>
{
    public void Configure(EntityTypeBuilder<ProgressEntry> e)
    {
        e.ToTable("ProjectProgress");
        e.Property(x => x.Notes).HasMaxLength(2000);
        e.Property(x => x.PhotoFileIdList).HasMaxLength(400);
        e.Ignore(x => x.PhotoFileIds);
        e.HasOne<RenovationProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProjectId, x.RecordedAt });
    }
}
