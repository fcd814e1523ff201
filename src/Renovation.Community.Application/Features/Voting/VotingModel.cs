using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Voting;

internal sealed class VoteModel : IEntityTypeConfiguration<Vote>
{
    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Vote> e)
    {
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.Result).HasConversion(
            r => r == null ? null : JsonSerializer.Serialize(r, ResultJson),
            s => s == null ? null : JsonSerializer.Deserialize<VoteResult>(s, ResultJson));
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Candidates).WithOne().HasForeignKey(c => c.VoteId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Candidates).HasField("_candidates").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasIndex(x => new { x.CommunityId, x.State });
        e.HasIndex(x => new { x.State, x.OpensAt });
        e.HasIndex(x => new { x.State, x.ClosesAt });
    }
}

internal sealed class CandidateModel : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> e)
    {
        e.ToTable("VoteCandidates");
        e.Property(x => x.Name).HasMaxLength(64);
    }
}

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

internal sealed class ElectoratePartyModel : IEntityTypeConfiguration<ElectorateParty>
{
    public void Configure(EntityTypeBuilder<ElectorateParty> e)
    {
        e.HasKey(x => new { x.VoteId, x.OwnerPartyId });
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class VoteTallyModel : IEntityTypeConfiguration<VoteTally>
{
    public void Configure(EntityTypeBuilder<VoteTally> e)
    {
        e.HasKey(x => new { x.VoteId, x.Shard });
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CandidateTallyModel : IEntityTypeConfiguration<CandidateTally>
{
    public void Configure(EntityTypeBuilder<CandidateTally> e)
    {
        e.HasKey(x => new { x.VoteId, x.CandidateId, x.Shard });
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProxyAuthorizationModel : IEntityTypeConfiguration<ProxyAuthorization>
{
    public void Configure(EntityTypeBuilder<ProxyAuthorization> e)
    {
        e.ToTable("ProxyAuthorizations");
        e.Property(x => x.DocumentKey).HasMaxLength(200);
        e.Property(x => x.DocumentContentType).HasMaxLength(64);
        e.Property(x => x.RejectionReason).HasMaxLength(200);
        e.HasIndex(x => new { x.VoteId, x.OwnerPartyId, x.Live }).IsUnique();
        e.HasIndex(x => new { x.ProxyUserId, x.VoteId });
        // Two racing decisions on one proxy: the second UPDATE finds the status changed and decides nothing.
        e.Property(x => x.Status).IsConcurrencyToken();
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class VotingSettingsModel : IEntityTypeConfiguration<VotingSettings>
{
    public void Configure(EntityTypeBuilder<VotingSettings> e)
    {
        e.HasKey(x => x.CommunityId);
        e.Ignore(x => x.Id);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
