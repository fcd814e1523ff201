using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Services;

internal sealed class ServiceItemPhotoModel : IEntityTypeConfiguration<ServiceItemPhoto>
{
    public void Configure(EntityTypeBuilder<ServiceItemPhoto> e)
    {
        e.ToTable("ServiceItemPhotos");
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.Property(x => x.StorageKey).HasMaxLength(200);
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
