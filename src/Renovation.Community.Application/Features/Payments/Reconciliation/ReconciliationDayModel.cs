using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

internal sealed class ReconciliationDayModel : IEntityTypeConfiguration<ReconciliationDay>
{
    public void Configure(EntityTypeBuilder<ReconciliationDay> e)
    {
        e.ToTable("ReconciliationDays");
        e.HasKey(x => x.BillDate);
        e.Property(x => x.Sha1).HasMaxLength(64);
    }
}
