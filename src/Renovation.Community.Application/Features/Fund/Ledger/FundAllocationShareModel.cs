using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class FundAllocationShareModel : IEntityTypeConfiguration<FundAllocationShare>
{
    public void Configure(EntityTypeBuilder<FundAllocationShare> e)
    {
        e.ToTable("FundAllocationShares", t => t.HasCheckConstraint("CK_FundAllocationShares_Amount", "AmountFen >= 0"));
        e.HasKey(x => new { x.AllocationId, x.HouseholdId });
        e.HasOne<FundAllocation>().WithMany().HasForeignKey(x => x.AllocationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<FundHousehold>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}
