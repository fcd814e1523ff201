namespace Renovation.Community.Application.Features.Projects;

/// <summary>Section <c>Projects</c>: the local-practice figures of domain rules section 2.</summary>
public sealed class ProjectsOptions
{
    public const string Section = "Projects";

    /// <summary>Consent threshold of the willingness survey as a fraction of households: at least 2/3 by default.</summary>
    public int ConsentNumerator { get; set; } = 2;
    public int ConsentDenominator { get; set; } = 3;

    /// <summary>The shortest publicity period (公示期) a plan may have; no national minimum exists.</summary>
    public int MinPublicityDays { get; set; } = 7;

    /// <summary>The largest attachment (plan PDF, progress photo) accepted.</summary>
    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The reason the settings cannot work, or null when they can.</summary>
    public string? Problem() => this switch
    {
        { ConsentDenominator: <= 0 } or { ConsentNumerator: <= 0 } =>
            "Projects:ConsentNumerator and Projects:ConsentDenominator must be positive.",
        _ when ConsentNumerator > ConsentDenominator =>
            "Projects:ConsentNumerator must not exceed Projects:ConsentDenominator (a threshold above 100% can never be met).",
        { MinPublicityDays: < 1 } => "Projects:MinPublicityDays must be at least 1.",
        { MaxAttachmentBytes: <= 0 } => "Projects:MaxAttachmentBytes must be positive.",
        _ => null,
    };
}
