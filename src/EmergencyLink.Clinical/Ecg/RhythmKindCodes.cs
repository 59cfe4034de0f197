namespace EmergencyLink.Clinical.Ecg;

public static class RhythmKindCodes
{
    /// <summary>The short code printed for a rhythm, e.g. <c>rhythm: "AF"</c>.</summary>
    public static string Code(this RhythmKind kind) => kind switch
    {
        RhythmKind.AtrialFibrillation => "AF",
        RhythmKind.Bradycardia => "BRADY",
        RhythmKind.Tachycardia => "TACHY",
        RhythmKind.Pause => "PAUSE",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown rhythm."),
    };

    public static RhythmKind Parse(string code) => code switch
    {
        "AF" => RhythmKind.AtrialFibrillation,
        "BRADY" => RhythmKind.Bradycardia,
        "TACHY" => RhythmKind.Tachycardia,
        "PAUSE" => RhythmKind.Pause,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown rhythm code."),
    };
}
