namespace Renovation.Community.Application.Features.Projects;

/// <summary>
/// Whether a community qualifies for the project library (domain rules section 2): problems in at least two basic
/// categories AND consent of at least the threshold share of households. "At least" includes the exact fraction;
/// the comparison is cross-multiplied in integers, never divided.
/// </summary>
public sealed record Qualification(
    int ProblemCategories,
    int Households,
    int Answered,
    int Consenting,
    int ThresholdNumerator,
    int ThresholdDenominator,
    bool MeetsFacilityRule,
    bool MeetsConsentRule,
    bool Qualifies)
{
    public const int MinimumProblemCategories = 2;

    public static Qualification Evaluate(IReadOnlyCollection<FacilityItem> problems, int households, int answered,
        int consenting, int numerator, int denominator)
    {
        var categories = problems.Select(FacilityItems.CategoryOf).Distinct().Count();
        var facility = categories >= MinimumProblemCategories;
        var consent = households > 0 && (long)consenting * denominator >= (long)households * numerator;
        return new Qualification(categories, households, answered, consenting, numerator, denominator,
            facility, consent, facility && consent);
    }
}
