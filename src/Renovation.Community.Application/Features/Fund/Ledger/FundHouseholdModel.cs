using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class FundHouseholdModel : IEntityTypeConfiguration<FundHousehold>
{
    public void Configure(EntityTypeBuilder<FundHousehold> e)
    {
        // The conditional UPDATE refuses a negative balance; the check makes the database refuse it too.
        e.ToTable("FundHouseholds", t => t.HasCheckConstraint("CK_FundHouseholds_Balance", "BalanceFen >= 0"));
        e.HasOne<FundAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.UnitId).IsUnique();
        e.HasIndex(x => new { x.AccountId, x.BuildingId });
    }
}
