using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Common.Privacy;

namespace Renovation.Community.Application.Features.Places;

internal sealed class PartyMemberModel : IEntityTypeConfiguration<PartyMember>
{
    public void Configure(EntityTypeBuilder<PartyMember> e)
    {
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.IdLast4).HasMaxLength(4);
        e.Property(x => x.ContactPhone).HasMaxLength(ContactPhone.MaxLength);
    }
}
