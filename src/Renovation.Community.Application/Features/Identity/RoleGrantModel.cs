using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Renovation.Community.Application.Features.Identity;

internal sealed class RoleGrantModel : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> e)
    {
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.UserId, x.Role, x.ScopeId }).IsUnique();
        e.HasIndex(x => new { x.UserId, x.Role, x.CityWide }).IsUnique();
    }
}
