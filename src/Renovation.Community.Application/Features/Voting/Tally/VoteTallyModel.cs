using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Voting;

internal sealed class VoteTallyModel : IEntityTypeConfiguration<VoteTally>
{
    public void Configure(EntityTypeBuilder<VoteTally> e)
    {
        e.HasKey(x => new { x.VoteId, x.Shard });
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}
