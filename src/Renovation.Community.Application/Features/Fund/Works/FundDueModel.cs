using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class FundDueModel : IEntityTypeConfiguration<FundDue>
{
    public void Configure(EntityTypeBuilder<FundDue> e)
    {
        e.ToTable("FundDues", t => t.HasCheckConstraint("CK_FundDues_Paid", "PaidFen >= 0 AND PaidFen <= AmountFen"));
        e.Ignore(x => x.OwingFen);
        e.HasOne<WorksPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlanId, x.HouseholdId }).IsUnique();
        e.HasIndex(x => x.UnitId);
    }
}
