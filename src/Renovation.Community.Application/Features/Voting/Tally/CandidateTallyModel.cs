using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Voting;

internal sealed class CandidateTallyModel : IEntityTypeConfiguration<CandidateTally>
{
    public void Configure(EntityTypeBuilder<CandidateTally> e)
    {
        e.HasKey(x => new { x.VoteId, x.CandidateId, x.Shard });
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}
