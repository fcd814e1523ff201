using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Places;

internal sealed class OwnerPartyModel : IEntityTypeConfiguration<OwnerParty>
{
    public void Configure(EntityTypeBuilder<OwnerParty> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.OwnerPartyId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasIndex(x => new { x.CommunityId, x.Kind });
        e.HasIndex(x => new { x.CommunityId, x.DeveloperSlot }).IsUnique();
        e.HasMany(x => x.Keys).WithOne().HasForeignKey(k => k.OwnerPartyId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Keys).HasField("_keys").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
