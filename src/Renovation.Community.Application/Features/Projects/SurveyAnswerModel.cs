using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Projects;

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
