using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class MemberPositionModel : IEntityTypeConfiguration<MemberPosition>
{
    public void Configure(EntityTypeBuilder<MemberPosition> e)
    {
        e.ToTable("CommitteeMemberPositions");
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        // One position per member and item.
        e.HasIndex(x => new { x.ItemId, x.MemberUserId }).IsUnique();
    }
}
