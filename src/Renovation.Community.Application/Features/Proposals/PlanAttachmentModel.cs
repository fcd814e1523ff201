using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Projects;

namespace Renovation.Community.Application.Features.Proposals;

internal sealed class PlanAttachmentModel : IEntityTypeConfiguration<PlanAttachment>
{
    public void Configure(EntityTypeBuilder<PlanAttachment> e)
    {
        e.ToTable("PlanAttachments");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Title).HasMaxLength(100);
        e.HasOne<ProjectFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlanId, x.Position });
    }
}
