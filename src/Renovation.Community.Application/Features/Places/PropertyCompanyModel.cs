using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Places;

internal sealed class PropertyCompanyModel : IEntityTypeConfiguration<PropertyCompany>
{
    public void Configure(EntityTypeBuilder<PropertyCompany> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => x.Name).IsUnique();
    }
}
