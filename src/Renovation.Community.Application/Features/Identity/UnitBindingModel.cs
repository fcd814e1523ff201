using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Identity;

internal sealed class UnitBindingModel : IEntityTypeConfiguration<UnitBinding>
{
    public void Configure(EntityTypeBuilder<UnitBinding> e)
    {
        e.Property(x => x.ClaimedName).HasMaxLength(64);
        e.Property(x => x.IdLast4).HasMaxLength(4);
        e.Property(x => x.CertificateNumber).HasMaxLength(64);
        e.Property(x => x.RejectionReason).HasMaxLength(200);
        e.Property(x => x.MismatchReason).HasMaxLength(200);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.UserId, x.UnitId, x.Status });
        e.HasIndex(x => new { x.CommunityId, x.Status });
        e.HasIndex(x => new { x.UserId, x.UnitId, x.Live }).IsUnique();
        // Two racing decisions on one binding: the second UPDATE finds the status changed and decides nothing.
        e.Property(x => x.Status).IsConcurrencyToken();
    }
}
