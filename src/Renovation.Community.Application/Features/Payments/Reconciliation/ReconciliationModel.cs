using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

internal sealed class ReconciliationDiscrepancyModel : IEntityTypeConfiguration<ReconciliationDiscrepancy>
{
    public void Configure(EntityTypeBuilder<ReconciliationDiscrepancy> e)
    {
        e.ToTable("ReconciliationDiscrepancies");
        e.Property(x => x.Reference).HasMaxLength(64);
        e.Property(x => x.OutTradeNo).HasMaxLength(32);
        e.Property(x => x.BillState).HasMaxLength(16);
        e.Property(x => x.OurState).HasMaxLength(32);
        e.Property(x => x.Purpose).HasMaxLength(64);
        e.Property(x => x.Note).HasMaxLength(ReconciliationDiscrepancy.MaxNote);
        // Explaining or resolving is UPDATE … WHERE State = <the state read>: of two concurrent notes the database lets one
        // through, and the loser's rerun (RetryWhenRaceLost) sees the new state (resolved is final).
        e.Property(x => x.State).IsConcurrencyToken();
        // Re-running a day inserts nothing twice: the database refuses a second record of the same difference.
        e.HasIndex(x => new { x.BillDate, x.Kind, x.Reference }).IsUnique();
        e.HasIndex(x => new { x.CommunityId, x.BillDate });
        e.HasIndex(x => new { x.State, x.BillDate });
    }
}
