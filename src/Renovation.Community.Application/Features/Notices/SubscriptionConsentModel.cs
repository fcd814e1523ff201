using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Notices;

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
