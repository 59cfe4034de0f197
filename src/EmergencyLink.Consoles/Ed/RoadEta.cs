namespace EmergencyLink.Consoles.Ed;

/// <summary>
/// A unit's road time to the hospital as measured at <see cref="At"/>; the board counts it down between measurements,
/// so the figure moves every second while the route is recomputed only every few seconds.
/// </summary>
public sealed record RoadEta(double Seconds, DateTimeOffset At)
{
    public double RemainingAt(DateTimeOffset now) => Math.Max(0, Seconds - (now - At).TotalSeconds);
}
