using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Projects;

/// <summary>
/// One household's answer to the willingness survey (改造意愿). One per unit, enforced by a unique index; a later
/// answer for the same unit replaces the earlier one while the survey is open (the household changed its mind, or
/// a co-owner answered for it), and the change is audited.
/// </summary>
public sealed class SurveyAnswer : IAudited
{
    private SurveyAnswer() { }

    public SurveyAnswer(Guid projectId, Guid unitId, Guid ownerPartyId, bool consents, Guid answeredBy, DateTimeOffset now)
    {
        Id = Ids.New();
        ProjectId = projectId;
        UnitId = unitId;
        OwnerPartyId = ownerPartyId;
        Consents = consents;
        AnsweredBy = answeredBy;
        AnsweredAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid OwnerPartyId { get; private set; }
    public bool Consents { get; private set; }
    public Guid AnsweredBy { get; private set; }
    public DateTimeOffset AnsweredAt { get; private set; }

    /// <summary>Returns false when the answer is already what was sent, so a retried request changes nothing.</summary>
    public bool Replace(bool consents, Guid answeredBy, DateTimeOffset now)
    {
        if (Consents == consents)
            return false;
        Consents = consents;
        AnsweredBy = answeredBy;
        AnsweredAt = now;
        return true;
    }
}
