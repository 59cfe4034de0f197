namespace EmergencyLink.Clinical;

/// <summary>
/// The library's units, fixed once so every part agrees: signals in millivolts as <see cref="float"/>, time in
/// sample numbers at a stated sampling rate (Hz), ST in millivolts (1 mm on standard paper = 0.1 mV).
/// </summary>
public static class ClinicalUnits
{
    public const double MillivoltsPerMillimetre = 0.1;
}
