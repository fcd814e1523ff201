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
