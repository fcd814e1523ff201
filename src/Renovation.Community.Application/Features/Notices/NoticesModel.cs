using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Notices;

internal sealed class NoticeModel : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> e)
    {
        e.ToTable("Notices");
        e.Property(x => x.Title).HasMaxLength(Notice.MaxTitle);
        e.Property(x => x.Body).HasMaxLength(Notice.MaxBody);
        e.Property(x => x.TargetName).HasMaxLength(200);
        e.Property(x => x.WithdrawalReason).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
        // The residents' feed: live notices of a target, pinned first, newest first.
        e.HasIndex(x => new { x.TargetKind, x.TargetId, x.State, x.PublishedAt });
        // The sweep: what is due to publish or to expire.
        e.HasIndex(x => new { x.State, x.PublishAt });
        e.HasIndex(x => new { x.State, x.ExpiresAt });
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
        e.HasIndex(x => new { x.StreetId, x.CreatedAt });
    }
}
