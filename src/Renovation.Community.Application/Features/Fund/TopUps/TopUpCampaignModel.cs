using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class TopUpCampaignModel : IEntityTypeConfiguration<TopUpCampaign>
{
    public void Configure(EntityTypeBuilder<TopUpCampaign> e)
    {
        e.ToTable("FundTopUpCampaigns", t => t.HasCheckConstraint("CK_FundTopUpCampaigns_Paid", "PaidFen >= 0 AND PaidFen <= DueFen"));
        e.Property(x => x.Title).HasMaxLength(100);
        // Campaigns created before instalment schedules had one due date: they read as one instalment.
        e.Property(x => x.InstalmentCount).HasDefaultValue(1);
        e.Ignore(x => x.LastDueBy);
        e.HasIndex(x => x.VoteId).IsUnique();
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
    }
}
