using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Places;

internal sealed class OwnerPartyMergeModel : IEntityTypeConfiguration<OwnerPartyMerge>
{
    public void Configure(EntityTypeBuilder<OwnerPartyMerge> e)
    {
        e.Property(x => x.MergedPartyName).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(OwnerPartyMerge.MaxReason);
        // No foreign key to the merged party: it is deleted by the merge this row records.
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.MergedAt });
    }
}
