using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Proposals;

internal sealed class PlanCostItemModel : IEntityTypeConfiguration<PlanCostItem>
{
    public void Configure(EntityTypeBuilder<PlanCostItem> e)
    {
        e.ToTable("PlanCostItems");
        // Ids are made in the constructor: without this EF would take a line added to a tracked plan for an existing row.
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => new { x.PlanId, x.Position });
    }
}
