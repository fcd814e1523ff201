using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Places;

internal sealed class OwnerPartyKeyModel : IEntityTypeConfiguration<OwnerPartyKey>
{
    public void Configure(EntityTypeBuilder<OwnerPartyKey> e)
    {
        // One party per key in a community: two imports racing to create the same owner meet here.
        e.HasKey(x => new { x.CommunityId, x.Key });
        e.Property(x => x.Key).HasMaxLength(64).IsUnicode(false);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}
