using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class DisclosureReminderModel : IEntityTypeConfiguration<DisclosureReminder>
{
    public void Configure(EntityTypeBuilder<DisclosureReminder> e)
    {
        e.ToTable("FundDisclosureReminders");
        e.HasIndex(x => new { x.CommunityId, x.PeriodFrom }).IsUnique();
    }
}
