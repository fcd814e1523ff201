using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Services;

internal sealed class ServiceDisputeModel : IEntityTypeConfiguration<ServiceDispute>
{
    public void Configure(EntityTypeBuilder<ServiceDispute> e)
    {
        e.ToTable("ServiceDisputes");
        e.Property(x => x.Text).HasMaxLength(ServiceDispute.MaxText);
        e.Property(x => x.Answer).HasMaxLength(ServiceDispute.MaxText);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<ServiceOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        // One complaint per order.
        e.HasIndex(x => x.OrderId).IsUnique();
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
    }
}
