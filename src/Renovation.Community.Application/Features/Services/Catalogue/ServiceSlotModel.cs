using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Services;

internal sealed class ServiceSlotModel : IEntityTypeConfiguration<ServiceSlot>
{
    public void Configure(EntityTypeBuilder<ServiceSlot> e)
    {
        // The database refuses overbooking even if a write path forgot the conditional UPDATE.
        e.ToTable("ServiceSlots", t =>
        {
            t.HasCheckConstraint("CK_ServiceSlots_Held", "Held >= 0 AND Held <= Capacity");
            t.HasCheckConstraint("CK_ServiceSlots_Capacity", $"Capacity >= 1 AND Capacity <= {ServiceSlot.MaxCapacity}");
        });
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ItemId, x.StartsAt });
    }
}
