namespace EmergencyLink.Geo.Maps;

/// <summary>OpenStreetMap's highway classes, the ones a city's ambulances drive on.</summary>
public enum RoadClass
{
    Motorway,
    Trunk,
    Primary,
    Secondary,
    Tertiary,
    Residential,
    Service,
}
