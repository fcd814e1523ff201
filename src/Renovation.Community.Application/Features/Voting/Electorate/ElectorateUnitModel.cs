using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Voting;

internal sealed class ElectorateUnitModel : IEntityTypeConfiguration<ElectorateUnit>
{
    public void Configure(EntityTypeBuilder<ElectorateUnit> e)
    {
        e.HasKey(x => new { x.VoteId, x.UnitId });
        e.HasIndex(x => new { x.VoteId, x.OwnerPartyId });
        // Casting starts from the caller's bound units: without this MariaDB scans the vote's whole roll per lookup.
        e.HasIndex(x => new { x.UnitId, x.VoteId });
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}
