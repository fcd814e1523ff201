using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Notices;

internal sealed class NoticeAttachmentModel : IEntityTypeConfiguration<NoticeAttachment>
{
    public void Configure(EntityTypeBuilder<NoticeAttachment> e)
    {
        e.ToTable("NoticeAttachments");
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.Property(x => x.StorageKey).HasMaxLength(200);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Restrict);
    }
}
