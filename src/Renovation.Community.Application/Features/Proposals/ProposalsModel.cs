using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Identity;
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

internal sealed class PlanCostItemModel : IEntityTypeConfiguration<PlanCostItem>
{
    public void Configure(EntityTypeBuilder<PlanCostItem> e)
    {
        e.ToTable("PlanCostItems");
        // Ids are made in the constructor: without this EF would take a line added to a tracked plan for an existing row.
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => new { x.PlanId, x.Position });
    }
}

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

internal sealed class PlanReviewModel : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> e)
    {
        e.ToTable("PlanReviews");
        e.Property(x => x.Department).HasMaxLength(64);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.HasOne<PlanVersion>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlanId, x.Department }).IsUnique();
        e.HasIndex(x => new { x.ReviewerUserId, x.Decision });
    }
}

internal sealed class PublicityCommentModel : IEntityTypeConfiguration<PublicityComment>
{
    public void Configure(EntityTypeBuilder<PublicityComment> e)
    {
        e.ToTable("PublicityComments");
        e.Property(x => x.Text).HasMaxLength(1000);
        e.Property(x => x.Answer).HasMaxLength(2000);
        e.Property(x => x.ClientKey).HasMaxLength(64);
        e.HasOne<PlanVersion>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlanId, x.Kind, x.AnsweredAt });
        e.HasIndex(x => new { x.AuthorUserId, x.CreatedAt });
        // The natural idempotency key of a post; NULLs (no key sent) never collide on either provider.
        e.HasIndex(x => new { x.AuthorUserId, x.ClientKey }).IsUnique();
    }
}
