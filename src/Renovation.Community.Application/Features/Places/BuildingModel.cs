using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Places;

internal sealed class BuildingModel : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> e)
    {
        e.Property(x => x.Name).HasMaxLength(32);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.Name }).IsUnique();
    }
}
