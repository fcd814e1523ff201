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

internal sealed class NoticeReadModel : IEntityTypeConfiguration<NoticeRead>
{
    public void Configure(EntityTypeBuilder<NoticeRead> e)
    {
        e.ToTable("NoticeReads");
        e.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.NoticeId, x.UserId }).IsUnique();
    }
}

internal sealed class SubscriptionConsentModel : IEntityTypeConfiguration<SubscriptionConsent>
{
    public void Configure(EntityTypeBuilder<SubscriptionConsent> e)
    {
        e.ToTable("SubscriptionConsents");
        e.Property(x => x.TemplateId).HasMaxLength(64);
        e.HasIndex(x => new { x.UserId, x.TemplateId }).IsUnique();
        e.HasIndex(x => new { x.TemplateId, x.UserId });
    }
}

internal sealed class SubscribeDeliveryModel : IEntityTypeConfiguration<SubscribeDelivery>
{
    public void Configure(EntityTypeBuilder<SubscribeDelivery> e)
    {
        e.ToTable("SubscribeDeliveries");
        e.Property(x => x.Kind).HasMaxLength(64);
        e.Property(x => x.TemplateId).HasMaxLength(64);
        e.Property(x => x.LastError).HasMaxLength(500);
        // Never twice for one event and one resident.
        e.HasIndex(x => new { x.EventId, x.UserId }).IsUnique();
        e.HasIndex(x => new { x.State, x.NextAttemptAt });
        e.HasIndex(x => new { x.SubjectId, x.State });
    }
}

internal sealed class OutboxCursorModel : IEntityTypeConfiguration<OutboxCursor>
{
    public void Configure(EntityTypeBuilder<OutboxCursor> e)
    {
        e.ToTable("OutboxCursors");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(64);
    }
}
