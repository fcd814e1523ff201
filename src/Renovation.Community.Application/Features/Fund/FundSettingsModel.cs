using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class FundSettingsModel : IEntityTypeConfiguration<FundSettings>
{
    public void Configure(EntityTypeBuilder<FundSettings> e)
    {
        e.HasKey(x => x.CommunityId);
        e.Ignore(x => x.Id);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
