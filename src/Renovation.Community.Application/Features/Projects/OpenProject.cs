using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using Renovation.Community.Application.Common.Validation;

namespace Renovation.Community.Application.Features.Projects;

public sealed record OpenProject(Guid CommunityId, string Title, [property: Required] IReadOnlyList<FacilityItem>? FacilityProblems,
    string? FacilityNotes) : IValidatable
{
    public void Validate(Validator v)
    {
        v.NotEmpty(CommunityId, "communityId", "小区").Text(Title, "title", "项目名称", 100)
            .Text(FacilityNotes, "facilityNotes", "调查说明", 2000, required: false);
        FacilitySurvey.ValidateItems(FacilityProblems, v);
    }
}

public sealed record RecordFacilitySurvey([property: Required] IReadOnlyList<FacilityItem>? FacilityProblems, string? FacilityNotes,
    int? ExpectedVersion) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(FacilityNotes, "facilityNotes", "调查说明", 2000, required: false);
        FacilitySurvey.ValidateItems(FacilityProblems, v);
    }
}
