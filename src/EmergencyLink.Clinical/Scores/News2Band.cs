using System.Globalization;

namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// One cell of the NEWS2 chart: an inclusive range of charted values (null = open-ended) and its points. Bounds are
/// decimal so that 35.0 and 35.1 are exactly the numbers printed on the chart.
/// </summary>
internal sealed record News2Band(decimal? Lowest, decimal? Highest, int Points, string? Qualifier = null)
{
    public bool Contains(decimal charted) =>
        (Lowest is null || charted >= Lowest) && (Highest is null || charted <= Highest);

    public string Label
    {
        get
        {
            var range = (Lowest, Highest) switch
            {
                (null, { } high) => "≤" + high.ToString(CultureInfo.InvariantCulture),
                ({ } low, null) => "≥" + low.ToString(CultureInfo.InvariantCulture),
                ({ } low, { } high) => low.ToString(CultureInfo.InvariantCulture) + "–"
                    + high.ToString(CultureInfo.InvariantCulture),
                _ => "any",
            };
            return Qualifier is null ? range : range + " " + Qualifier;
        }
    }
}
