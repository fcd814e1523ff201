using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Places;

internal sealed class DistrictModel : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> e)
    {
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Code).HasMaxLength(12);
        e.HasIndex(x => x.Code).IsUnique();
    }
}
