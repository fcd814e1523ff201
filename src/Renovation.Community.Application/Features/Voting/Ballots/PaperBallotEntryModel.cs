using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Voting;

internal sealed class PaperBallotEntryModel : IEntityTypeConfiguration<PaperBallotEntry>
{
    public void Configure(EntityTypeBuilder<PaperBallotEntry> e)
    {
        e.ToTable("PaperBallotEntries");
        e.Property(x => x.PendingChoiceCode).HasMaxLength(400);
        e.HasIndex(x => new { x.VoteId, x.Status });
        e.HasIndex(x => x.CorrectsEntryId).IsUnique();
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}
