namespace Renovation.Community.Application.Features.Projects;

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
