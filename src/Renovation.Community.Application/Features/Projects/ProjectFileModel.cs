using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Projects;

internal sealed class ProjectFileModel : IEntityTypeConfiguration<ProjectFile>
{
    public void Configure(EntityTypeBuilder<ProjectFile> e)
    {
        e.ToTable("ProjectFiles");
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.Property(x => x.StorageKey).HasMaxLength(200);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasOne<RenovationProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ProjectId);
    }
}
