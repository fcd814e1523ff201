using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class WorksPlanModel : IEntityTypeConfiguration<WorksPlan>
{
    public void Configure(EntityTypeBuilder<WorksPlan> e)
    {
        e.ToTable("FundWorksPlans");
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Items).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
    }
}
