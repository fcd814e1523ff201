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
