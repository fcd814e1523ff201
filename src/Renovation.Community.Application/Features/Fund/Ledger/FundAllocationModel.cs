using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class FundAllocationModel : IEntityTypeConfiguration<FundAllocation>
{
    public void Configure(EntityTypeBuilder<FundAllocation> e)
    {
        e.ToTable("FundAllocations");
        e.Property(x => x.Reference).HasMaxLength(40);
        e.HasIndex(x => new { x.CommunityId, x.AllocatedAt });
    }
}
