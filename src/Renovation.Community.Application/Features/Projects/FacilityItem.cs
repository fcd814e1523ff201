namespace Renovation.Community.Application.Features.Projects;

/// <summary>The basic facilities the street surveys (基础设施现状调查).</summary>
public enum FacilityItem
{
    WaterSupply = 0,
    Sewage = 1,
    Rainwater = 2,
    Electricity = 3,
    Gas = 4,
    Roads = 5,
    Security = 6,
    StreetLights = 7,
    Parking = 8,
    Greening = 9,
}

/// <summary>
/// The categories the qualification rule counts. The rule book lists "water (supply, sewage, rainwater)" as one
/// category, so problems with water supply and sewage alone are one category, not two.
/// </summary>
public enum FacilityCategory
{
    Water = 0,
    Electricity = 1,
    Gas = 2,
    Roads = 3,
    Security = 4,
    StreetLights = 5,
    Parking = 6,
    Greening = 7,
}

public static class FacilityItems
{
    public static FacilityCategory CategoryOf(FacilityItem item) => item switch
    {
        FacilityItem.WaterSupply or FacilityItem.Sewage or FacilityItem.Rainwater => FacilityCategory.Water,
        FacilityItem.Electricity => FacilityCategory.Electricity,
        FacilityItem.Gas => FacilityCategory.Gas,
        FacilityItem.Roads => FacilityCategory.Roads,
        FacilityItem.Security => FacilityCategory.Security,
        FacilityItem.StreetLights => FacilityCategory.StreetLights,
        FacilityItem.Parking => FacilityCategory.Parking,
        FacilityItem.Greening => FacilityCategory.Greening,
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    /// <summary>Stored as a bit mask so one column holds the whole survey.</summary>
    public static int ToMask(IEnumerable<FacilityItem> items) => items.Aggregate(0, (mask, item) => mask | (1 << (int)item));

    public static IReadOnlyList<FacilityItem> FromMask(int mask) =>
        Enum.GetValues<FacilityItem>().Where(i => (mask & (1 << (int)i)) != 0).ToList();
}
