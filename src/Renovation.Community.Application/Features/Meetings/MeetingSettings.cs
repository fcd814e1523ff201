using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>
/// A community's meeting practice. Notice periods are settings because cities differ (the rule book's 7 days for a
/// committee agenda, Beijing's 5); an assembly's notice never goes below the 15 days of the regulations.
/// </summary>
public sealed class MeetingSettings : Common.IAudited
{
    public const int MinAssemblyNoticeDays = 15;

    private MeetingSettings() { }

    public MeetingSettings(Guid communityId, int committeeNoticeDays, int assemblyNoticeDays)
    {
        CommunityId = communityId;
        CommitteeNoticeDays = committeeNoticeDays;
        AssemblyNoticeDays = assemblyNoticeDays;
    }

    public Guid CommunityId { get; private set; }
    Guid Common.IAudited.Id => CommunityId;
    public int CommitteeNoticeDays { get; private set; }
    public int AssemblyNoticeDays { get; private set; }
    /// <summary>Who at the residents' committee (居委会) receives agendas and assembly notices: a name and a phone or address.</summary>
    public string? ResidentsCommitteeContact { get; private set; }

    public void Change(int committeeNoticeDays, int assemblyNoticeDays, string? residentsCommitteeContact)
    {
        if (assemblyNoticeDays < MinAssemblyNoticeDays)
            throw new DomainRuleViolation("assembly_notice_too_short", $"业主大会应至少提前 {MinAssemblyNoticeDays} 日通知");
        CommitteeNoticeDays = committeeNoticeDays;
        AssemblyNoticeDays = assemblyNoticeDays;
        ResidentsCommitteeContact = string.IsNullOrWhiteSpace(residentsCommitteeContact) ? null : residentsCommitteeContact.Trim();
    }
}
