using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Renovation.Community.Application.Features.Identity;

internal sealed class RefreshTokenModel : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> e)
    {
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => x.FamilyId);
        // Rotation is UPDATE … WHERE ReplacedById IS NULL: of racing refreshes with one token, one rotates it.
        e.Property(x => x.ReplacedById).IsConcurrencyToken();
    }
}
