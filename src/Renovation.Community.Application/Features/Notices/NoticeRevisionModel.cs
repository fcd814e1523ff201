using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Notices;

internal sealed class NoticeRevisionModel : IEntityTypeConfiguration<NoticeRevision>
{
    public void Configure(EntityTypeBuilder<NoticeRevision> e)
    {
        e.ToTable("NoticeRevisions");
        e.Property(x => x.Title).HasMaxLength(Notice.MaxTitle);
        e.Property(x => x.Body).HasMaxLength(Notice.MaxBody);
        e.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.NoticeId, x.Revision }).IsUnique();
    }
}
