using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class DemandSupportModel : IEntityTypeConfiguration<DemandSupport>
{
    public void Configure(EntityTypeBuilder<DemandSupport> e)
    {
        e.ToTable("AssemblyDemandSupports");
        e.HasKey(x => new { x.DemandId, x.OwnerPartyId });
        e.HasOne<AssemblyDemand>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}
