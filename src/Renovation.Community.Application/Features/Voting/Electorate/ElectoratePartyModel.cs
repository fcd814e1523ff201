using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Voting;

internal sealed class ElectoratePartyModel : IEntityTypeConfiguration<ElectorateParty>
{
    public void Configure(EntityTypeBuilder<ElectorateParty> e)
    {
        e.HasKey(x => new { x.VoteId, x.OwnerPartyId });
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}
