using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Services;

internal sealed class ServiceItemCommunityModel : IEntityTypeConfiguration<ServiceItemCommunity>
{
    public void Configure(EntityTypeBuilder<ServiceItemCommunity> e)
    {
        e.ToTable("ServiceItemCommunities");
        e.HasKey(x => new { x.ItemId, x.CommunityId });
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.CommunityId);
    }
}
