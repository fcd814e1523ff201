using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Voting;

internal sealed class VotingSettingsModel : IEntityTypeConfiguration<VotingSettings>
{
    public void Configure(EntityTypeBuilder<VotingSettings> e)
    {
        e.HasKey(x => x.CommunityId);
        e.Ignore(x => x.Id);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
