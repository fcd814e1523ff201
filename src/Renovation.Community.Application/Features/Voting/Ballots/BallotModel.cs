using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Voting;

internal sealed class BallotModel : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ChoiceCode).HasMaxLength(400);
        e.Property(x => x.ReceiptHash).HasMaxLength(64);
        e.Property(x => x.KeyHash).HasMaxLength(64);
        e.Property(x => x.LinkHash).HasMaxLength(64);
        e.HasIndex(x => new { x.VoteId, x.ReceiptHash }).IsUnique();
        e.HasIndex(x => new { x.VoteId, x.KeyHash }).IsUnique();
        // A ballot can be replaced once: two racing replacements cannot both count.
        e.HasIndex(x => x.SupersedesBallotId).IsUnique();
        e.HasIndex(x => new { x.VoteId, x.ChainIndex }).IsUnique();
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}
