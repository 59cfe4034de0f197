using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class GeoPointConverter : IConverter<GeoPoint, GeoPointSurrogate>
{
    public GeoPoint ConvertFromSurrogate(in GeoPointSurrogate surrogate) => new(surrogate.Lat, surrogate.Lon);

    public GeoPointSurrogate ConvertToSurrogate(in GeoPoint value) => new() { Lat = value.Lat, Lon = value.Lon };
}
