using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Services;

internal sealed class ServiceItemModel : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> e)
    {
        e.ToTable("ServiceItems", t =>
        {
            t.HasCheckConstraint("CK_ServiceItems_Price", $"PriceFen > 0 AND PriceFen <= {ServiceItem.MaxPriceFen}");
            t.HasCheckConstraint("CK_ServiceItems_LateCancelRefund", "LateCancelRefundFen >= 0");
        });
        e.Property(x => x.Title).HasMaxLength(ServiceItem.MaxTitle);
        e.Property(x => x.Description).HasMaxLength(ServiceItem.MaxDescription);
        e.Property(x => x.Unit).HasMaxLength(ServiceItem.MaxUnit);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<PropertyCompany>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CompanyId, x.CreatedAt });
    }
}
