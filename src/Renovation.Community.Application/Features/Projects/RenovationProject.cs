using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Projects;

/// <summary>Where a renovation project stands; see docs/projects.md for the diagram.</summary>
public enum ProjectState
{
    /// <summary>Opened by the street; facility survey recorded, willingness survey (民意调查) open.</summary>
    Surveying = 0,
    /// <summary>Admitted to the project library (入库) by the renovation office; the survey is closed.</summary>
    InLibrary = 1,
    /// <summary>Planned into a year (年度计划).</summary>
    Scheduled = 2,
    /// <summary>Works under way; progress is being recorded.</summary>
    UnderConstruction = 3,
    /// <summary>Completion acceptance (竣工验收) recorded.</summary>
    Completed = 4,
}

/// <summary>
/// A community's renovation project (改造项目) from intake to completion acceptance. The aggregate root of the
/// willingness survey and progress; <see cref="Version"/> is its optimistic concurrency token.
/// </summary>
public sealed class RenovationProject : IAudited
{
    public const int MaxProgressPercent = 100;

    private RenovationProject() { }

    public RenovationProject(Guid communityId, Guid streetId, string title, IReadOnlyCollection<FacilityItem> problems,
        string? facilityNotes, int consentNumerator, int consentDenominator, Guid openedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        CommunityId = communityId;
        StreetId = streetId;
        Title = title.Trim();
        ConsentNumerator = consentNumerator;
        ConsentDenominator = consentDenominator;
        OpenedBy = openedBy;
        OpenedAt = now;
        SetFacilitySurvey(problems, facilityNotes);
        Live = true;
        Version = 1;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    /// <summary>Kept on the project so lists and events for the street need no join.</summary>
    public Guid StreetId { get; private set; }
    public string Title { get; private set; } = "";
    public ProjectState State { get; private set; }
    /// <summary>Bit mask of <see cref="FacilityItem"/>s with problems.</summary>
    public int FacilityProblemMask { get; private set; }
    public string? FacilityNotes { get; private set; }
    /// <summary>The threshold in force when the project opened; changing the setting later does not move the goalposts.</summary>
    public int ConsentNumerator { get; private set; }
    public int ConsentDenominator { get; private set; }
    public Guid OpenedBy { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public Guid? AdmittedBy { get; private set; }
    public DateTimeOffset? AdmittedAt { get; private set; }
    public int? PlannedYear { get; private set; }
    public int ProgressPercent { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedBy { get; private set; }
    public string? AcceptanceNotes { get; private set; }
    /// <summary>Names of the residents' representatives who took part in the acceptance, joined with "、".</summary>
    public string? AcceptanceRepresentatives { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }
    /// <summary>True until the project is completed, then NULL: a unique index over (community, live) holds "one
    /// project under way per community" against simultaneous openings.</summary>
    public bool? Live { get; private set; }

    public IReadOnlyList<FacilityItem> FacilityProblems => FacilityItems.FromMask(FacilityProblemMask);

    public bool SurveyIsOpen => State == ProjectState.Surveying;

    /// <summary>Plans are drafted for projects in the library, before the works start.</summary>
    public bool AcceptsPlans => State is ProjectState.InLibrary or ProjectState.Scheduled;

    public void RecordFacilitySurvey(IReadOnlyCollection<FacilityItem> problems, string? notes, DateTimeOffset now)
    {
        if (State != ProjectState.Surveying)
            throw new DomainRuleViolation("project_not_surveying", "项目已入库，不能再修改基础设施调查", StatusCodes.Status409Conflict);
        SetFacilitySurvey(problems, notes);
        Touch(now);
    }

    public void EnsureSurveyOpen()
    {
        if (!SurveyIsOpen)
            throw new DomainRuleViolation("survey_closed", "意愿调查已结束，不能再提交或修改", StatusCodes.Status409Conflict);
    }

    /// <summary>入库: only a qualifying project enters the library.</summary>
    public void Admit(Qualification qualification, Guid by, DateTimeOffset now)
    {
        if (State != ProjectState.Surveying)
            throw new DomainRuleViolation("project_already_admitted", "项目已入库", StatusCodes.Status409Conflict);
        if (!qualification.MeetsFacilityRule)
            throw new DomainRuleViolation("project_not_qualified",
                $"存在问题的基础设施类别不足 {Qualification.MinimumProblemCategories} 类，不符合入库条件")
                .With("qualification", qualification);
        if (!qualification.MeetsConsentRule)
            throw new DomainRuleViolation("project_not_qualified",
                $"同意改造的户数未达到总户数的 {ConsentNumerator}/{ConsentDenominator}，不符合入库条件")
                .With("qualification", qualification);
        State = ProjectState.InLibrary;
        AdmittedBy = by;
        AdmittedAt = now;
        Touch(now);
    }

    /// <summary>年度计划: may be moved to another year until the works start.</summary>
    public void PlanInto(int year, int currentYear, DateTimeOffset now)
    {
        if (State is not (ProjectState.InLibrary or ProjectState.Scheduled))
            throw new DomainRuleViolation("project_not_in_library", "只有已入库且尚未开工的项目可以安排年度计划", StatusCodes.Status409Conflict);
        if (year < currentYear || year > currentYear + 10)
            throw new DomainRuleViolation("planned_year_out_of_range", $"计划年度应在 {currentYear} 到 {currentYear + 10} 年之间");
        PlannedYear = year;
        State = ProjectState.Scheduled;
        Touch(now);
    }

    /// <summary>Progress only moves forward; the first entry starts the works.</summary>
    public void RecordProgress(int percent, bool planReadyForVote, DateTimeOffset now)
    {
        if (State is not (ProjectState.Scheduled or ProjectState.UnderConstruction))
            throw new DomainRuleViolation("project_not_scheduled", "项目尚未列入年度计划或已竣工验收，不能登记进度", StatusCodes.Status409Conflict);
        if (!planReadyForVote)
            throw new DomainRuleViolation("plan_not_publicised", "改造方案尚未完成公示，不能开工登记进度");
        if (percent < ProgressPercent)
            throw new DomainRuleViolation("progress_backwards", $"进度不能低于已登记的 {ProgressPercent}%");
        ProgressPercent = percent;
        State = ProjectState.UnderConstruction;
        Touch(now);
    }

    /// <summary>竣工验收 with residents' representatives, once the works are complete.</summary>
    public void Accept(IReadOnlyCollection<string> representatives, string? notes, Guid by, DateTimeOffset now)
    {
        if (State != ProjectState.UnderConstruction)
            throw new DomainRuleViolation("project_not_under_construction", "项目未在施工中，不能验收", StatusCodes.Status409Conflict);
        if (ProgressPercent < MaxProgressPercent)
            throw new DomainRuleViolation("progress_incomplete", $"工程进度为 {ProgressPercent}%，完工（100%）后才能验收");
        if (representatives.Count == 0)
            throw new DomainRuleViolation("representatives_required", "竣工验收须有居民代表参加");
        AcceptanceRepresentatives = string.Join("、", representatives.Select(r => r.Trim()));
        AcceptanceNotes = notes?.Trim();
        AcceptedBy = by;
        AcceptedAt = now;
        State = ProjectState.Completed;
        Live = null;
        Touch(now);
    }

    private void SetFacilitySurvey(IReadOnlyCollection<FacilityItem> problems, string? notes)
    {
        FacilityProblemMask = FacilityItems.ToMask(problems);
        FacilityNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
