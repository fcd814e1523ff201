using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Places;

internal sealed class CommunityModel : IEntityTypeConfiguration<ResidentialCommunity>
{
    public void Configure(EntityTypeBuilder<ResidentialCommunity> e)
    {
        e.ToTable("Communities");
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Address).HasMaxLength(200);
        e.HasOne(x => x.Street).WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PropertyCompany>().WithMany().HasForeignKey(x => x.PropertyCompanyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.StreetId, x.Name }).IsUnique();
    }
}
