using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Notices;

internal sealed class NoticeReadModel : IEntityTypeConfiguration<NoticeRead>
{
    public void Configure(EntityTypeBuilder<NoticeRead> e)
    {
        e.ToTable("NoticeReads");
        e.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.NoticeId, x.UserId }).IsUnique();
    }
}
