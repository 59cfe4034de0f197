using System.Collections.ObjectModel;

namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// The ST deviation each lead of a <see cref="SyntheticEcg"/> carries for a territory, as a fraction of the
/// magnitude. Only the eight independent leads (I, II, V1–V6) are chosen; III, aVR, aVL and aVF follow from I and II
/// by Einthoven/Goldberger, so the limb-lead identities hold for the ST segment too.
/// </summary>
public static class StPattern
{
    // Indices into the independent leads I, II, V1, V2, V3, V4, V5, V6.
    // Inferior (RCA-type): III > II, so lead II's vector points towards III; that leaves I and aVL depressed — the
    // reciprocal change in aVL is the classic companion of inferior STEMI.
    private static readonly double[] Inferior = [-0.2, 0.8, 0, 0, 0, 0, 0, 0];

    // Anterior (LAD): maximal in V2–V3, less in V1 and V4, with inferior reciprocal depression (II, III, aVF) and
    // slight elevation in I/aVL as in a proximal occlusion.
    private static readonly double[] Anterior = [0.1, -0.3, 0.5, 1.0, 1.0, 0.7, 0.3, 0];

    // Lateral (circumflex/diagonal): I, aVL, V5, V6 elevated; III and aVF depressed reciprocally.
    private static readonly double[] Lateral = [1.0, 0.2, 0, 0, 0, 0.3, 0.8, 1.0];

    private static readonly double[] None = new double[8];

    /// <summary>The ST offset of every lead (names as <see cref="SyntheticEcg.LeadNames"/>) for this elevation.</summary>
    public static IReadOnlyDictionary<string, double> OffsetsMillivolts(StElevation? elevation)
    {
        var independent = Independent(elevation);
        var all = ExpandToTwelve(independent);
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var l = 0; l < all.Length; l++)
        {
            map[SyntheticEcg.LeadNames[l]] = all[l];
        }

        return new ReadOnlyDictionary<string, double>(map);
    }

    /// <summary>The offsets of I, II, V1–V6 in millivolts.</summary>
    internal static double[] Independent(StElevation? elevation)
    {
        if (elevation is null)
        {
            return (double[])None.Clone();
        }

        var fractions = elevation.Territory switch
        {
            Territory.Inferior => Inferior,
            Territory.Anterior => Anterior,
            Territory.Lateral => Lateral,
            _ => throw new ArgumentOutOfRangeException(nameof(elevation), elevation.Territory, "Unknown territory."),
        };
        return [.. fractions.Select(f => f * elevation.MagnitudeMillivolts)];
    }

    private static double[] ExpandToTwelve(double[] independent)
    {
        var (i, ii) = (independent[0], independent[1]);
        return [i, ii, ii - i, -(i + ii) / 2, i - (ii / 2), ii - (i / 2), .. independent[2..]];
    }
}
