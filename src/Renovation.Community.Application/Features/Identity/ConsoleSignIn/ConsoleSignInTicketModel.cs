using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Identity;

internal sealed class ConsoleSignInTicketModel : IEntityTypeConfiguration<ConsoleSignInTicket>
{
    public void Configure(EntityTypeBuilder<ConsoleSignInTicket> e)
    {
        e.Ignore(x => x.Scene);
        e.Property(x => x.SecretHash).HasMaxLength(64);
        e.Property(x => x.RequestedFrom).HasMaxLength(64);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ConfirmedByUserId).OnDelete(DeleteBehavior.Cascade);
        // Pruning deletes by expiry.
        e.HasIndex(x => x.ExpiresAt);
        e.Property(x => x.RedeemedAt).IsConcurrencyToken();
    }
}
