using System.Globalization;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Geo.Routing;

namespace EmergencyLink.Geo.Coverage;

/// <summary>
/// Where calls come from, as a weight per road node. Uniform over the network by default; a file of historical
/// calls (one <c>lat,lon[,weight]</c> per line, an optional header) replaces it, each call counted at the road node
/// nearest to it, so coverage is measured where people actually call from.
/// </summary>
public static class CoverageDemand
{
    /// <summary>Calls farther than this from any road are not in the region (or are geocoding errors).</summary>
    public const double MaxSnapMeters = 1000;

    public static double[] Uniform(RoadGraph graph)
    {
        var weights = new double[graph.NodeCount];
        Array.Fill(weights, 1);
        return weights;
    }

    /// <summary>Demand from calls; also says how many lines were used and how many were left out, and why.</summary>
    public static (double[] Weights, int Used, int Ignored) FromCalls(RoadGraph graph, IEnumerable<string> lines)
    {
        var weights = new double[graph.NodeCount];
        var (used, ignored) = (0, 0);
        foreach (var line in lines)
        {
            var fields = line.Split(',');
            if (fields.Length < 2
                || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || !GeoPoint.IsValid(lat, lon))
            {
                // A header, a blank line, or a call without usable coordinates.
                ignored++;
                continue;
            }

            var weight = fields.Length > 2 && double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w > 0 ? w : 1;
            if (graph.Snap(new GeoPoint(lat, lon)) is not { DistanceMeters: <= MaxSnapMeters } snap)
            {
                ignored++;
                continue;
            }

            weights[graph.NearerEnd(snap)] += weight;
            used++;
        }

        return (weights, used, ignored);
    }
}
