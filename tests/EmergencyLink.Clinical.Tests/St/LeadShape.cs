namespace EmergencyLink.Clinical.Tests.St;

/// <summary>Wave amplitudes (mV) of one lead of a synthetic beat, roughly those of a normal adult ECG.</summary>
internal sealed record LeadShape(string Lead, double P, double Q, double R, double S, double T)
{
    public static IReadOnlyList<LeadShape> TwelveLead { get; } =
    [
        new("I", 0.10, -0.05, 0.80, -0.15, 0.25),
        new("II", 0.15, -0.05, 1.20, -0.20, 0.35),
        new("III", 0.05, -0.10, 0.50, -0.20, 0.10),
        new("aVR", -0.12, 0.00, -0.90, 0.10, -0.30),
        new("aVL", 0.03, -0.05, 0.35, -0.20, 0.08),
        new("aVF", 0.10, -0.05, 0.80, -0.20, 0.20),
        new("V1", 0.05, 0.00, 0.25, -1.00, -0.05),
        new("V2", 0.08, 0.00, 0.50, -1.40, 0.50),
        new("V3", 0.08, 0.00, 0.90, -0.90, 0.60),
        new("V4", 0.08, -0.05, 1.40, -0.50, 0.50),
        new("V5", 0.08, -0.08, 1.30, -0.30, 0.40),
        new("V6", 0.08, -0.08, 1.00, -0.15, 0.30),
    ];
}
