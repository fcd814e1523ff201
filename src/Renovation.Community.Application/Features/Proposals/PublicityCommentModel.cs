using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Identity;

namespace Renovation.Community.Application.Features.Proposals;

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
