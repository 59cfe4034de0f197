namespace EmergencyLink.Clinical.Scores;

/// <summary>The seven rows of the NEWS2 chart (RCP 2017, chart 1), in chart order.</summary>
public enum News2Parameter
{
    RespirationRate,
    OxygenSaturation,
    AirOrOxygen,
    SystolicBloodPressure,
    Pulse,
    Consciousness,
    Temperature,
}
