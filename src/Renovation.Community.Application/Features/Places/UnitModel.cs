using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Places;

internal sealed class UnitModel : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> e)
    {
        e.Property(x => x.Number).HasMaxLength(32);
        e.Property(x => x.CertificateNumber).HasMaxLength(64);
        e.HasOne(x => x.Building).WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.OwnerParty).WithMany().HasForeignKey(x => x.OwnerPartyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.BuildingId, x.Number }).IsUnique();
        e.HasIndex(x => x.CommunityId);
    }
}
