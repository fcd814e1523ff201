using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Services;

internal sealed class ContactPhoneReadModel : IEntityTypeConfiguration<ContactPhoneRead>
{
    public void Configure(EntityTypeBuilder<ContactPhoneRead> e)
    {
        e.Property(x => x.MemberName).HasMaxLength(64);
        e.HasIndex(x => x.OrderId);
        e.HasIndex(x => new { x.PartyMemberId, x.ReadAt });
    }
}
