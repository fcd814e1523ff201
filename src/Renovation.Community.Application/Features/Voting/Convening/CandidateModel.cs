using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Voting;

internal sealed class CandidateModel : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> e)
    {
        e.ToTable("VoteCandidates");
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.PersonKey).HasMaxLength(CandidatePerson.MaxKey);
        e.Property(x => x.Flat).HasMaxLength(CandidatePerson.MaxFlat);
        e.Property(x => x.IdLast4).HasMaxLength(4);
        e.Ignore(x => x.Label);
        // One person stands once per vote, whichever way they were named; older candidates (no key) never collide.
        e.HasIndex(x => new { x.VoteId, x.PersonKey }).IsUnique();
    }
}
