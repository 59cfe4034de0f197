namespace EmergencyLink.Contracts.Surrogates;

/// <summary>
/// Domain types carry no Orleans attributes (the Domain library knows nothing of Orleans), so each one that
/// crosses a grain call gets a surrogate and a converter here.
/// </summary>
[GenerateSerializer]
public struct GeoPointSurrogate
{
    [Id(0)] public double Lat;
    [Id(1)] public double Lon;
}
