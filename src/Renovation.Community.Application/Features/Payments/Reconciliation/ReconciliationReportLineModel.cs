using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

internal sealed class ReconciliationReportLineModel : IEntityTypeConfiguration<ReconciliationReportLine>
{
    public void Configure(EntityTypeBuilder<ReconciliationReportLine> e)
    {
        e.ToTable("ReconciliationReportLines");
        e.Property(x => x.Purpose).HasMaxLength(64);
        e.HasIndex(x => new { x.BillDate, x.CommunityId, x.Owner, x.Purpose }).IsUnique();
        e.HasIndex(x => new { x.CommunityId, x.BillDate });
    }
}
