using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Identity;

internal sealed class AppUserModel : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.ToTable("Users");
        e.Property(x => x.OpenId).HasMaxLength(64);
        e.Property(x => x.UnionId).HasMaxLength(64);
        e.Property(x => x.DisplayName).HasMaxLength(64);
        e.HasIndex(x => x.OpenId).IsUnique();
    }
}

internal sealed class RoleGrantModel : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> e)
    {
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.UserId, x.Role, x.ScopeId }).IsUnique();
        e.HasIndex(x => new { x.UserId, x.Role, x.CityWide }).IsUnique();
    }
}

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

internal sealed class UnitBindingModel : IEntityTypeConfiguration<UnitBinding>
{
    public void Configure(EntityTypeBuilder<UnitBinding> e)
    {
        e.Property(x => x.ClaimedName).HasMaxLength(64);
        e.Property(x => x.IdLast4).HasMaxLength(4);
        e.Property(x => x.CertificateNumber).HasMaxLength(64);
        e.Property(x => x.RejectionReason).HasMaxLength(200);
        e.Property(x => x.MismatchReason).HasMaxLength(200);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.UserId, x.UnitId, x.Status });
        e.HasIndex(x => new { x.CommunityId, x.Status });
        e.HasIndex(x => new { x.UserId, x.UnitId, x.Live }).IsUnique();
        // Two racing decisions on one binding: the second UPDATE finds the status changed and decides nothing.
        e.Property(x => x.Status).IsConcurrencyToken();
    }
}
