using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Identity;

namespace Renovation.Community.Application.Features.Proposals;

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
