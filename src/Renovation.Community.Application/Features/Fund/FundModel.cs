using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class FundAccountModel : IEntityTypeConfiguration<FundAccount>
{
    public void Configure(EntityTypeBuilder<FundAccount> e)
    {
        e.ToTable("FundAccounts", t => t.HasCheckConstraint("CK_FundAccounts_Balance", "BalanceFen >= 0"));
        e.Ignore(x => x.Mode);
        // At most one account per community (single account, BuildingKey = Guid.Empty) or per building (BuildingKey =
        // the building), also for a building's account added later.
        e.HasIndex(x => new { x.CommunityId, x.BuildingKey }).IsUnique();
        // One opening per community in either mode: its first account carries the community's id (the others NULL).
        e.HasIndex(x => x.OpenedFundOf).IsUnique();
    }
}
