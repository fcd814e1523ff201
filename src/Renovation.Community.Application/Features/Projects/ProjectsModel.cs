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

internal sealed class SurveyAnswerModel : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> e)
    {
        e.ToTable("SurveyAnswers");
        e.HasOne<RenovationProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        // One answer per household (unit) and project: the survey's natural idempotency key.
        e.HasIndex(x => new { x.ProjectId, x.UnitId }).IsUnique();
    }
}

internal sealed class ProgressEntryModel : IEntityTypeConfiguration<ProgressEntry>
{
    public void Configure(EntityTypeBuilder<ProgressEntry> e)
    {
        e.ToTable("ProjectProgress");
        e.Property(x => x.Notes).HasMaxLength(2000);
        e.Property(x => x.PhotoFileIdList).HasMaxLength(400);
        e.Ignore(x => x.PhotoFileIds);
        e.HasOne<RenovationProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProjectId, x.RecordedAt });
    }
}

internal sealed class ProjectFileModel : IEntityTypeConfiguration<ProjectFile>
{
    public void Configure(EntityTypeBuilder<ProjectFile> e)
    {
        e.ToTable("ProjectFiles");
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.Property(x => x.StorageKey).HasMaxLength(200);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasOne<RenovationProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ProjectId);
    }
}
