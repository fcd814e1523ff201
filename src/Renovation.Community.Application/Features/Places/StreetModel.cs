using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Places;

internal sealed class StreetModel : IEntityTypeConfiguration<Street>
{
    public void Configure(EntityTypeBuilder<Street> e)
    {
        e.Property(x => x.Name).HasMaxLength(64);
        e.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.DistrictId, x.Name }).IsUnique();
    }
}
