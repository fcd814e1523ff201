using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class TopUpShareModel : IEntityTypeConfiguration<TopUpShare>
{
    public void Configure(EntityTypeBuilder<TopUpShare> e)
    {
        e.ToTable("FundTopUpShares", t => t.HasCheckConstraint("CK_FundTopUpShares_Paid", "PaidFen >= 0 AND PaidFen <= AmountFen"));
        e.Ignore(x => x.OwingFen);
        e.HasOne<TopUpCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CampaignId, x.HouseholdId }).IsUnique();
        e.HasIndex(x => x.UnitId);
    }
}
