using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Projects;

internal sealed class RenovationProjectModel : IEntityTypeConfiguration<RenovationProject>
{
    public void Configure(EntityTypeBuilder<RenovationProject> e)
    {
        e.ToTable("Projects");
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.FacilityNotes).HasMaxLength(2000);
        e.Property(x => x.AcceptanceNotes).HasMaxLength(2000);
        e.Property(x => x.AcceptanceRepresentatives).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.FacilityProblems);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.State });
        e.HasIndex(x => new { x.CommunityId, x.Live }).IsUnique();
        e.HasIndex(x => new { x.State, x.PlannedYear });
    }
}
