namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// ST elevation in a territory: <see cref="MagnitudeMillivolts"/> is the elevation of the territory's most
/// elevated lead (1 mm = 0.1 mV); the other leads follow the pattern in <see cref="StPattern"/>.
/// </summary>
public sealed record StElevation(Territory Territory, double MagnitudeMillivolts);
