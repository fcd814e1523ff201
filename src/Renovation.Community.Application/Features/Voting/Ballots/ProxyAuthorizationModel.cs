using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Voting;

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
