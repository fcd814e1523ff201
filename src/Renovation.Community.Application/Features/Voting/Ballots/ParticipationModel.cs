using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Voting;

internal sealed class ParticipationModel : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> e)
    {
        e.ToTable("Participations");
        e.Property(x => x.Id).ValueGeneratedNever();
        // One ballot per owner party per vote, across every channel, however many requests race.
        e.HasIndex(x => new { x.VoteId, x.OwnerPartyId }).IsUnique();
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}
