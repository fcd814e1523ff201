using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Projects;

namespace Renovation.Community.Application.Features.Proposals;

internal sealed class PlanVersionModel : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> e)
    {
        e.ToTable("Plans");
        e.Property(x => x.Title).HasMaxLength(100);
        // Long texts stay unbounded in the schema (TEXT / LONGTEXT): a VARCHAR this long would break MySQL's row limit.
        e.Property(x => x.Design);
        e.Property(x => x.AfterCare);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<RenovationProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.CostItems).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.CostItems).HasField("_costItems").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Navigation(x => x.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Ignore(x => x.Funding);
        e.Ignore(x => x.Content);
        // One number per project: two concurrent revisions cannot both become version N+1.
        e.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
        e.HasIndex(x => new { x.CommunityId, x.State });
        // The sweep looks for due publicity by state and time.
        e.HasIndex(x => new { x.State, x.PublicityStartsAt });
        e.HasIndex(x => new { x.State, x.PublicityEndsAt });
    }
}
