using System.Globalization;
using EmergencyLink.Clinical.Scores;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Consoles.Ed;

/// <summary>
/// The latest vital signs of one patient (1 Hz from the monitor), a few minutes of them, for the readings, their
/// sparklines and NEWS2.
/// </summary>
public sealed class VitalsTrend
{
    /// <summary>Five minutes at 1 Hz: long enough to see a trend, short enough to draw on every render.</summary>
    public const int Kept = 300;

    private readonly Queue<VitalSigns> samples = new();

    public VitalSigns? Latest { get; private set; }

    public int Count => samples.Count;

    public void Add(VitalSigns vitals)
    {
        samples.Enqueue(vitals);
        while (samples.Count > Kept)
        {
            samples.Dequeue();
        }

        Latest = vitals;
    }

    /// <summary>
    /// Readings from before the first one added (a screen's backfill from the archive), oldest first; the latest reading
    /// stays the latest, and the oldest are let go past <see cref="Kept"/>.
    /// </summary>
    public void Prepend(IReadOnlyList<VitalSigns> older)
    {
        ArgumentNullException.ThrowIfNull(older);
        var all = older.Concat(samples).ToArray();
        samples.Clear();
        foreach (var v in all.Skip(Math.Max(0, all.Length - Kept)))
        {
            samples.Enqueue(v);
        }

        Latest ??= all.LastOrDefault();
    }

    /// <summary>SVG polyline points for one reading across the kept samples, scaled to the box; empty with fewer than two.</summary>
    public string Sparkline(Func<VitalSigns, double?> reading, double width, double height)
    {
        var values = samples.Select(reading).ToArray();
        var present = values.OfType<double>().ToArray();
        if (present.Length < 2)
        {
            return string.Empty;
        }

        var (low, high) = (present.Min(), present.Max());
        var span = high - low < 1e-9 ? 1 : high - low;
        var step = width / Math.Max(1, values.Length - 1);
        return string.Join(' ', values
            .Select((v, i) => (v, i))
            .Where(p => p.v is not null)
            .Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.i * step:0.#},{height - 1 - ((p.v!.Value - low) / span * (height - 2)):0.#}")));
    }

    /// <summary>
    /// NEWS2 from the monitor's latest readings. Consciousness and oxygen are not on the monitor, so the score is
    /// incomplete and says so (the Clinical library's own wording) rather than assuming alert and on air.
    /// </summary>
    public News2Result? News2Score()
    {
        if (Latest is not { } v)
        {
            return null;
        }

        try
        {
            return News2.Score(new News2Input(
                RespirationRate: v.RespiratoryRate,
                OxygenSaturation: v.SpO2,
                SystolicBloodPressure: v.SystolicMmHg,
                Pulse: v.HeartRate,
                Temperature: v.TemperatureC));
        }
        catch (ArgumentOutOfRangeException)
        {
            // A reading no chart scores (a probe off, a Fahrenheit temperature): no score beats a wrong one.
            return null;
        }
    }
}
