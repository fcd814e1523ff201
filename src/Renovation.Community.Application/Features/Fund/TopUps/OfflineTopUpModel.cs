using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class OfflineTopUpModel : IEntityTypeConfiguration<OfflineTopUp>
{
    public void Configure(EntityTypeBuilder<OfflineTopUp> e)
    {
        e.ToTable("FundOfflineTopUps");
        e.Property(x => x.Note).HasMaxLength(200);
        e.HasOne<TopUpShare>().WithMany().HasForeignKey(x => x.ShareId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.EnteredAt });
    }
}
