namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// One cardiac cycle laid on the absolute time axis (seconds): the dipole's P (sinus only), Q, R, S and T events and
/// the per-lead ST plateau, with the fiducial times the ground truth reports.
/// </summary>
internal sealed class EcgBeat
{
    // QRS template, seconds from QRS onset, and its dipole directions (Frank X, Y, Z in mV). Tuned through the Dower
    // matrix to a normal adult 12-lead: R in II ≈ 1.15 mV, rS in V1, RS transition at V3, qR in V5–V6, QRS 90 ms.
    private const double QrsDuration = 0.090;
    private const double RPeakOffset = 0.039;
    private static readonly WaveEvent[] QrsTemplate =
    [
        new(0.014, 0.0045, 0.0045, -0.10, 0.03, -0.22), // septal: rightward, anterior (q in I/V6, r in V1)
        new(0.038, 0.008, 0.008, 0.95, 0.80, -0.30), // free wall, early: leftward, inferior, anterior
        new(0.052, 0.008, 0.008, 0.45, 0.20, 1.00), // free wall, late: leftward, posterior (deep S in V1–V2)
        new(0.072, 0.006, 0.006, -0.25, -0.25, 0.45), // basal: rightward, superior, posterior
    ];

    private const double PSigma = 0.016;
    private static readonly (double X, double Y, double Z) PDirection = (0.10, 0.13, -0.02);
    private static readonly (double X, double Y, double Z) TDirection = (0.36, 0.20, -0.20);

    // The ST segment stays flat at least this long after J, so a reading at J+60 ms taken by a detector whose J point
    // is 25 ms late still lands on the plateau.
    private const double FlatSt = 0.085;

    // Normal QTc, scaled by Fridericia's cube root (Acta Med Scand 1920) rather than Bazett's square root, which is
    // known to over-correct at high rates: it would predict too short a QT in AF with rapid ventricular response.
    private const double QtcSeconds = 0.40;

    private readonly WaveEvent[] events;
    private readonly double[]? st;

    public EcgBeat(double rPeak, double cycleSeconds, double heartRateBpm, SyntheticRhythm rhythm, double[] stIndependent, IReadOnlyDictionary<string, double> stOffsets)
    {
        RPeak = rPeak;
        Rhythm = rhythm;
        StOffsets = stOffsets;
        QrsOnset = rPeak - RPeakOffset;
        JPoint = QrsOnset + QrsDuration;

        // The cycle's own RR sets its QT, as ECGSYN lets each cycle's RR set the angular speed of its whole trajectory:
        // it guarantees the T wave ends before the next QRS even after a short AF interval.
        var qt = QtcSeconds * Math.Cbrt(cycleSeconds);
        TEnd = QrsOnset + qt;
        TOnset = Math.Max(JPoint + FlatSt, TEnd - (0.65 * (qt - QrsDuration)));
        var tDuration = TEnd - TOnset;
        var tPeak = TOnset + (0.6 * tDuration);

        var list = new List<WaveEvent>(6);
        if (rhythm == SyntheticRhythm.Sinus)
        {
            // PR shortens modestly with rate: 160 ms at 70 bpm, 0.4 ms less per bpm above (an assumption, bounded to
            // the normal 120–200 ms).
            var pr = Math.Clamp(0.160 - (0.0004 * (heartRateBpm - 70)), 0.120, 0.200);
            var p = new WaveEvent(QrsOnset - pr + (3 * PSigma), PSigma, PSigma, PDirection.X, PDirection.Y, PDirection.Z);
            list.Add(p);
            POnset = p.Start;
            PEnd = p.End;
        }

        foreach (var e in QrsTemplate)
        {
            list.Add(e with { Centre = QrsOnset + e.Centre });
        }

        list.Add(new WaveEvent(tPeak, 0.6 * tDuration / 3, 0.4 * tDuration / 3, TDirection.X, TDirection.Y, TDirection.Z));
        events = [.. list];
        Start = POnset ?? QrsOnset;

        if (stIndependent.Any(v => v != 0))
        {
            st = stIndependent;
        }
    }

    public double RPeak { get; }

    public double QrsOnset { get; }

    public double JPoint { get; }

    public double TOnset { get; }

    public double TEnd { get; }

    public double? POnset { get; }

    public double? PEnd { get; }

    public double Start { get; }

    public SyntheticRhythm Rhythm { get; }

    public IReadOnlyDictionary<string, double> StOffsets { get; }

    public void AddDipole(double t, ref double x, ref double y, ref double z)
    {
        foreach (var e in events)
        {
            var s = e.Shape(t);
            if (s != 0)
            {
                x += s * e.X;
                y += s * e.Y;
                z += s * e.Z;
            }
        }
    }

    /// <summary>Adds the ST plateau to the independent leads I, II, V1–V6.</summary>
    public void AddSt(double t, Span<double> leads)
    {
        if (st is null || t <= RPeak || t >= TEnd)
        {
            return;
        }

        // The injury current shifts the segment from the end of depolarisation: it rises through the down-stroke of
        // the QRS, is flat from J into the T wave, and returns to baseline as repolarisation ends.
        double level;
        if (t < JPoint)
        {
            var u = (t - RPeak) / (JPoint - RPeak);
            level = u * u * (3 - (2 * u));
        }
        else if (t <= TOnset)
        {
            level = 1;
        }
        else
        {
            level = 0.5 * (1 + Math.Cos(Math.PI * (t - TOnset) / (TEnd - TOnset)));
        }

        for (var l = 0; l < st.Length; l++)
        {
            leads[l] += level * st[l];
        }
    }
}
