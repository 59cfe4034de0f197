using System.Numerics;

namespace EmergencyLink.Geo.Routing;

/// <summary>
/// Exact road times from one standing unit to the nearest <c>Count</c> nodes (by time), found by one bounded forward
/// search. A node not in the table is at least <see cref="Radius"/> away.
/// </summary>
/// <remarks>
/// Looked up by node through an open-addressing hash (linear probing, at most two-thirds full): a ranking reads two nodes
/// from every free unit's table, and a binary search over a large table would cost a cache miss per step; this costs
/// about one.
/// </remarks>
public sealed class ReachTable
{
    private const int Empty = -1;
    private readonly int[] keys;
    private readonly double[] seconds;
    private readonly float[] meters;
    private readonly int mask;

    internal ReachTable(RoadSnap origin, IReadOnlyList<(int Node, double Seconds, double Meters)> entries, double radius)
    {
        Origin = origin;
        Radius = radius;
        Count = entries.Count;
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, entries.Count * 3 / 2));
        mask = capacity - 1;
        keys = new int[capacity];
        Array.Fill(keys, Empty);
        seconds = new double[capacity];
        meters = new float[capacity];
        foreach (var (node, time, length) in entries)
        {
            var slot = Slot(node);
            while (keys[slot] != Empty)
            {
                slot = (slot + 1) & mask;
            }

            (keys[slot], seconds[slot], meters[slot]) = (node, time, (float)length);
        }
    }

    public RoadSnap Origin { get; }

    /// <summary>The time of the farthest node held; every node not held takes at least this long (infinite when the search reached everything).</summary>
    public double Radius { get; }

    public int Count { get; }

    internal bool TryGet(int node, out double time, out double length)
    {
        for (var slot = Slot(node); keys[slot] != Empty; slot = (slot + 1) & mask)
        {
            if (keys[slot] == node)
            {
                (time, length) = (seconds[slot], meters[slot]);
                return true;
            }
        }

        (time, length) = (0, 0);
        return false;
    }

    // Fibonacci hashing spreads the graph's consecutive node ids (neighbours on a street) over the table.
    private int Slot(int node) => (int)(((uint)node * 2654435769u) >> (32 - BitOperations.Log2((uint)(mask + 1)))) & mask;
}
