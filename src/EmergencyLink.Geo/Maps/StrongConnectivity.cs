namespace EmergencyLink.Geo.Maps;

/// <summary>
/// The part of a road network in which every node can be driven to and from every other, one-way streets respected:
/// the nodes both reachable from a hub and able to reach it. Maps keep only this part, so no unit or scene can be
/// stranded on a stub that can be entered but not left.
/// </summary>
public static class StrongConnectivity
{
    /// <summary>The largest such part found from the given hubs (tried in order until one holds most nodes).</summary>
    public static HashSet<TNode> Core<TNode>(IEnumerable<(TNode From, TNode To, bool OneWay)> segments, IEnumerable<TNode> hubs)
        where TNode : notnull
    {
        var forward = new Dictionary<TNode, List<TNode>>();
        var backward = new Dictionary<TNode, List<TNode>>();
        foreach (var (from, to, oneWay) in segments)
        {
            Link(forward, from, to);
            Link(backward, to, from);
            if (!oneWay)
            {
                Link(forward, to, from);
                Link(backward, from, to);
            }
        }

        HashSet<TNode> best = [];
        foreach (var hub in hubs)
        {
            if (best.Contains(hub) || !forward.ContainsKey(hub))
            {
                continue;
            }

            var component = Reach(forward, hub);
            component.IntersectWith(Reach(backward, hub));
            if (component.Count > best.Count)
            {
                best = component;
            }

            if (best.Count * 2 > forward.Count)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>Nodes by how many roads leave them, most first: good hubs to try.</summary>
    public static IEnumerable<TNode> BestConnected<TNode>(IEnumerable<(TNode From, TNode To, bool OneWay)> segments)
        where TNode : notnull =>
        segments.SelectMany(s => s.OneWay ? [s.From] : new[] { s.From, s.To })
            .GroupBy(n => n)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key);

    private static void Link<TNode>(Dictionary<TNode, List<TNode>> map, TNode a, TNode b)
        where TNode : notnull
    {
        if (!map.TryGetValue(a, out var list))
        {
            map[a] = list = [];
        }

        list.Add(b);
    }

    private static HashSet<TNode> Reach<TNode>(Dictionary<TNode, List<TNode>> map, TNode start)
        where TNode : notnull
    {
        var seen = new HashSet<TNode> { start };
        var queue = new Queue<TNode>([start]);
        while (queue.TryDequeue(out var at))
        {
            foreach (var next in map.GetValueOrDefault(at) ?? [])
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }
}
