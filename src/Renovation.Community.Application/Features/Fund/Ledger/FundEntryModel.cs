using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class FundEntryModel : IEntityTypeConfiguration<FundEntry>
{
    public void Configure(EntityTypeBuilder<FundEntry> e)
    {
        e.ToTable("FundEntries", t => t.HasCheckConstraint("CK_FundEntries_Balances", "HouseholdBalanceAfterFen >= 0 AND AccountBalanceAfterFen >= 0"));
        e.Property(x => x.SourceKey).HasMaxLength(100);
        e.Property(x => x.Memo).HasMaxLength(FundEntry.MaxMemo);
        e.HasOne<FundAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FundHousehold>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AccountId, x.Sequence }).IsUnique();
        e.HasIndex(x => x.SourceKey).IsUnique();
        e.HasIndex(x => new { x.HouseholdId, x.Sequence });
        e.HasIndex(x => new { x.AccountId, x.PostedAt });
    }
}
