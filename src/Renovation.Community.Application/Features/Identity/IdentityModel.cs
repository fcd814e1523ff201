using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

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
