using EmergencyLink.Domain.Geography;
using EmergencyLink.Geo.Maps;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace EmergencyLink.Geo.Routing;

/// <summary>
/// A road network as flat arrays (compressed sparse rows, forward and reversed), built once from a map. Every
/// vertex of every road is a node, so curved roads keep their length; a one-way road has only its forward edge.
/// Edge costs are emergency travel seconds. An STRtree over the edges snaps arbitrary points to the road.
/// </summary>
public sealed class RoadGraph
{
    private readonly double[] lat;
    private readonly double[] lon;
    private readonly int[] forwardStart;
    private readonly int[] forwardTarget;
    private readonly int[] forwardEdge;
    private readonly int[] reverseStart;
    private readonly int[] reverseEdge;
    private readonly ReverseArc[] reverseArcs;
    private readonly int[] edgeFrom;
    private readonly int[] edgeTo;
    private readonly double[] edgeSeconds;
    private readonly double[] edgeMeters;
    private readonly STRtree<int> index = new();

    private const double NearbyMeters = 150;

    private RoadGraph(List<(double Lat, double Lon)> nodes, List<(int From, int To, double Seconds, double Meters)> edges)
    {
        lat = nodes.Select(n => n.Lat).ToArray();
        lon = nodes.Select(n => n.Lon).ToArray();
        edgeFrom = edges.Select(e => e.From).ToArray();
        edgeTo = edges.Select(e => e.To).ToArray();
        edgeSeconds = edges.Select(e => e.Seconds).ToArray();
        edgeMeters = edges.Select(e => e.Meters).ToArray();
        (forwardStart, forwardTarget, forwardEdge) = Rows(nodes.Count, edgeFrom, edgeTo);
        (reverseStart, var reverseSource, reverseEdge) = Rows(nodes.Count, edgeTo, edgeFrom);

        // What the scene search reads per relaxation, in row order and in 8 bytes: a search that settles ten thousand
        // nodes then stays within the core's L2 cache, which is what its tail latency depends on. The cost is the
        // edge's float (see Build; sums are kept in double); the edge id is looked up only for the paths returned.
        reverseArcs = new ReverseArc[reverseEdge.Length];
        for (var i = 0; i < reverseEdge.Length; i++)
        {
            reverseArcs[i] = new ReverseArc(reverseSource[i], (float)edgeSeconds[reverseEdge[i]]);
        }

        for (var e = 0; e < edgeFrom.Length; e++)
        {
            index.Insert(new Envelope(lon[edgeFrom[e]], lon[edgeTo[e]], lat[edgeFrom[e]], lat[edgeTo[e]]), e);
        }

        index.Build();
    }

    public int NodeCount => lat.Length;

    public int EdgeCount => edgeFrom.Length;

    public RoadSpeeds Speeds { get; private init; } = new();

    public static RoadGraph Build(IEnumerable<RoadSegment> roads, RoadSpeeds speeds)
    {
        var ids = new Dictionary<(double, double), int>();
        var nodes = new List<(double Lat, double Lon)>();
        var edges = new List<(int, int, double, double)>();
        int Node(Coordinate c)
        {
            if (!ids.TryGetValue((c.Y, c.X), out var id))
            {
                ids[(c.Y, c.X)] = id = nodes.Count;
                nodes.Add((c.Y, c.X));
            }

            return id;
        }

        foreach (var road in roads)
        {
            var metersPerSecond = speeds.EmergencySpeedKmh(road.Class, road.SpeedKmh) / 3.6;
            var points = road.Geometry.Coordinates;
            for (var i = 0; i + 1 < points.Length; i++)
            {
                var (a, b) = (Node(points[i]), Node(points[i + 1]));
                if (a == b)
                {
                    continue;
                }

                var meters = new GeoPoint(points[i].Y, points[i].X).DistanceMetersTo(new GeoPoint(points[i + 1].Y, points[i + 1].X));
                // Rounded to a float once, here, so that every search (the scene search reads floats) and the exported edge
                // table use the very same costs; 7 significant digits is far finer than any travel-time estimate.
                var seconds = (double)(float)(meters / metersPerSecond);
                edges.Add((a, b, seconds, meters));
                if (!road.OneWay)
                {
                    edges.Add((b, a, seconds, meters));
                }
            }
        }

        return new RoadGraph(nodes, edges) { Speeds = speeds };
    }

    public GeoPoint NodeLocation(int node) => new(lat[node], lon[node]);

    /// <summary>The end of the snapped edge nearer to the snapped point.</summary>
    public int NearerEnd(RoadSnap snap) => snap.Fraction < 0.5 ? edgeFrom[snap.Edge] : edgeTo[snap.Edge];

    /// <summary>The nearest point on any road edge, or null for an empty graph.</summary>
    public RoadSnap? Snap(GeoPoint point)
    {
        if (EdgeCount == 0)
        {
            return null;
        }

        // Most points lie near a road: every edge within NearbyMeters has an envelope meeting that box, so when the
        // nearest edge in the box is that close it is the nearest of all. Otherwise a k-nearest search in degrees
        // (where a longitude degree is shorter than a latitude degree) yields candidates, compared in metres.
        var box = new Envelope(point.Lon, point.Lon, point.Lat, point.Lat);
        var dLat = NearbyMeters / (GeoPoint.EarthRadiusMeters * Math.PI / 180);
        box.ExpandBy(dLat / Math.Max(0.01, Math.Cos(point.Lat * Math.PI / 180)), dLat);
        var nearby = Nearest(index.Query(box), point);
        if (nearby is not null && nearby.DistanceMeters <= NearbyMeters)
        {
            return nearby;
        }

        var envelope = new Envelope(point.Lon, point.Lon, point.Lat, point.Lat);
        return Nearest(index.NearestNeighbour(envelope, -1, new EdgeDistance(this), 8), point);
    }

    private RoadSnap? Nearest(IEnumerable<int> candidates, GeoPoint point)
    {
        RoadSnap? best = null;
        foreach (var edge in candidates)
        {
            var snap = Project(edge, point);
            if (best is null || snap.DistanceMeters < best.DistanceMeters)
            {
                best = snap;
            }
        }

        return best;
    }

    /// <summary>
    /// Seconds from each origin to the scene, by one Dijkstra search from the scene over the reversed graph. An
    /// origin's time is final once the search frontier has passed it, so with <paramref name="enough"/> the search
    /// stops as soon as that many origins are final: they are then exactly the fastest ones, and the rest come back
    /// null. Without it, null means the scene cannot be reached from that origin.
    /// </summary>
    public IReadOnlyList<RouteCost?> CostsToScene(IReadOnlyList<RoadSnap?> origins, RoadSnap scene, int? enough = null)
    {
        var scratch = SearchScratch.For(this);
        var result = new RouteCost?[origins.Count];
        // An origin's best time so far, the node where it joined the search and the metres from there to its road point
        // (the length along the search tree is summed only for the origins that are returned).
        var best = new (double Seconds, int Node, double Meters)[origins.Count];
        Array.Fill(best, (double.PositiveInfinity, -1, 0.0));

        // Which origins wait on which node: an origin reaches the graph at the end of its edge (or its twin's). Kept as
        // linked lists in flat arrays, headed per node in the scratch, so a search allocates nothing per origin.
        var attachOrigin = new int[2 * origins.Count];
        var attachSeconds = new double[2 * origins.Count];
        var attachMeters = new double[2 * origins.Count];
        var attachNext = new int[2 * origins.Count];
        var attachments = 0;
        var attached = 0;

        // Ranked by the whole time, so the time from an origin's true position to its road counts from the start.
        var accessSpeed = Speeds.AccessSpeedKmh / 3.6;
        var originAccess = origins.Select(o => o is null ? 0 : o.DistanceMeters / accessSpeed).ToArray();
        var pending = new PriorityQueue<int, double>();
        for (var i = 0; i < origins.Count; i++)
        {
            if (origins[i] is not { } o)
            {
                continue;
            }

            Attach(i, o.Edge, o.Fraction);
            if (Twin(o.Edge) is { } twin)
            {
                Attach(i, twin, 1 - o.Fraction);
            }
        }

        // A vehicle reaches the scene point from the edge's start, and from its end if the road is two-way.
        var back = Twin(scene.Edge);
        scratch.Relax(edgeFrom[scene.Edge], scene.Fraction * edgeSeconds[scene.Edge], -1);
        if (back is { } twinEdge)
        {
            scratch.Relax(edgeFrom[twinEdge], (1 - scene.Fraction) * edgeSeconds[twinEdge], -2);
        }

        // Origins tied with the last one wanted are final too, so that which of equally fast units come back does not
        // depend on the order the search met them in (three units of one station tie exactly).
        var final = 0;
        var tie = double.NegativeInfinity;
        bool Wanted(double seconds) => enough is null || final < enough || seconds <= tie;
        while (scratch.TryPop(out var node, out var d))
        {
            // Every origin whose best time is no later than the frontier is final.
            while (pending.TryPeek(out var origin, out var seconds) && seconds <= d && Wanted(seconds))
            {
                pending.Dequeue();
                if (result[origin] is null && best[origin].Seconds == seconds)
                {
                    result[origin] = Finish(origin);
                    if (++final == enough)
                    {
                        tie = seconds;
                    }
                }
            }

            // Enough origins are final and the frontier has passed the last one's time, or every origin's edge end is
            // settled (so every time it has is final).
            if ((enough is { } wanted && final >= wanted && d > tie) || attached == 0)
            {
                break;
            }

            if (scratch.Head(node) is var first and >= 0)
            {
                attached--;
                scratch.SetHead(node, -1);
                for (var a = first; a >= 0; a = attachNext[a])
                {
                    Offer(attachOrigin[a], d + attachSeconds[a], node, attachMeters[a]);
                }
            }

            for (var i = reverseStart[node]; i < reverseStart[node + 1]; i++)
            {
                var arc = reverseArcs[i];
                scratch.Relax(arc.Source, d + arc.Seconds, i);
            }
        }

        // The search ended: whatever has a time has its final time, taken fastest first.
        while (pending.TryDequeue(out var origin, out var seconds))
        {
            if (result[origin] is null && best[origin].Seconds == seconds && Wanted(seconds))
            {
                result[origin] = Finish(origin);
                if (++final == enough)
                {
                    tie = seconds;
                }
            }
        }

        return result;

        void Attach(int origin, int edge, double fraction)
        {
            var node = edgeTo[edge];
            var previous = scratch.Head(node);
            if (previous < 0)
            {
                attached++;
            }

            attachOrigin[attachments] = origin;
            attachSeconds[attachments] = (1 - fraction) * edgeSeconds[edge];
            attachMeters[attachments] = (1 - fraction) * edgeMeters[edge];
            attachNext[attachments] = previous;
            scratch.SetHead(node, attachments++);

            // Origin and scene on the same edge, scene ahead: no detour at all.
            if (edge == scene.Edge && scene.Fraction >= fraction)
            {
                Offer(origin, (scene.Fraction - fraction) * edgeSeconds[edge], -1, (scene.Fraction - fraction) * edgeMeters[edge]);
            }
        }

        void Offer(int origin, double roadSeconds, int node, double meters)
        {
            var seconds = roadSeconds + originAccess[origin];
            if (seconds < best[origin].Seconds)
            {
                best[origin] = (seconds, node, meters);
                pending.Enqueue(origin, seconds);
            }
        }

        RouteCost Finish(int origin)
        {
            // Down the search tree (by reversed arcs) from where the origin joined it to the scene's edge: -1 marks
            // the start from the scene edge's start, -2 from its twin's.
            var (seconds, node, meters) = best[origin];
            if (node >= 0)
            {
                int via;
                for (; (via = scratch.Via(node)) >= 0; node = edgeTo[reverseEdge[via]])
                {
                    meters += edgeMeters[reverseEdge[via]];
                }

                meters += via == -1 ? scene.Fraction * edgeMeters[scene.Edge] : (1 - scene.Fraction) * edgeMeters[back!.Value];
            }

            return new(seconds + (scene.DistanceMeters / accessSpeed), meters + origins[origin]!.DistanceMeters + scene.DistanceMeters);
        }
    }

    /// <summary>
    /// The fastest route from one point to another, with its path for display, by one forward search that stops
    /// once nothing cheaper than the best arrival can still be found. Null when the end cannot be reached.
    /// </summary>
    public Route? RouteBetween(RoadSnap from, RoadSnap to)
    {
        var dist = new double[NodeCount];
        var via = new int[NodeCount];
        Array.Fill(dist, double.PositiveInfinity);
        Array.Fill(via, -1);
        var queue = new PriorityQueue<int, double>();
        var best = double.PositiveInfinity;
        var bestLastEdge = -1;
        var bestDirect = false;
        var directMeters = 0.0;

        void Start(int edge, double fraction)
        {
            var end = edgeTo[edge];
            var seconds = (1 - fraction) * edgeSeconds[edge];
            if (seconds < dist[end])
            {
                dist[end] = seconds;
                via[end] = edge;
                queue.Enqueue(end, seconds);
            }

            if (edge == to.Edge && to.Fraction >= fraction && (to.Fraction - fraction) * edgeSeconds[edge] < best)
            {
                best = (to.Fraction - fraction) * edgeSeconds[edge];
                bestDirect = true;
                directMeters = (to.Fraction - fraction) * edgeMeters[edge];
            }
        }

        Start(from.Edge, from.Fraction);
        if (Twin(from.Edge) is { } fromTwin)
        {
            Start(fromTwin, 1 - from.Fraction);
        }

        // The end is reached by driving into its edge (or the edge's twin) from that edge's start.
        var arrivals = new List<(int Edge, double Fraction)> { (to.Edge, to.Fraction) };
        if (Twin(to.Edge) is { } toTwin)
        {
            arrivals.Add((toTwin, 1 - to.Fraction));
        }

        while (queue.TryDequeue(out var node, out var d))
        {
            if (d > dist[node])
            {
                continue;
            }

            if (d >= best)
            {
                break;
            }

            foreach (var (edge, fraction) in arrivals)
            {
                if (edgeFrom[edge] == node && d + (fraction * edgeSeconds[edge]) < best)
                {
                    best = d + (fraction * edgeSeconds[edge]);
                    bestLastEdge = edge;
                    bestDirect = false;
                }
            }

            for (var i = forwardStart[node]; i < forwardStart[node + 1]; i++)
            {
                var edge = forwardEdge[i];
                var next = forwardTarget[i];
                var through = d + edgeSeconds[edge];
                if (through < dist[next])
                {
                    dist[next] = through;
                    via[next] = edge;
                    queue.Enqueue(next, through);
                }
            }
        }

        if (double.IsPositiveInfinity(best))
        {
            return null;
        }

        var path = new List<GeoPoint> { from.OnRoad };
        var meters = 0.0;
        if (bestDirect)
        {
            meters = directMeters;
        }
        else
        {
            var nodes = new List<int>();
            for (var n = edgeFrom[bestLastEdge]; ; n = edgeFrom[via[n]])
            {
                nodes.Add(n);
                if (via[n] == from.Edge || (Twin(from.Edge) is { } t && via[n] == t))
                {
                    meters += (via[n] == from.Edge ? 1 - from.Fraction : from.Fraction) * edgeMeters[via[n]];
                    break;
                }

                meters += edgeMeters[via[n]];
            }

            nodes.Reverse();
            path.AddRange(nodes.Select(NodeLocation));
            var last = arrivals.Single(a => a.Edge == bestLastEdge);
            meters += last.Fraction * edgeMeters[bestLastEdge];
        }

        path.Add(to.OnRoad);
        var access = (from.DistanceMeters + to.DistanceMeters) / (Speeds.AccessSpeedKmh / 3.6);
        return new Route(best + access, meters + from.DistanceMeters + to.DistanceMeters, path, from.DistanceMeters, to.DistanceMeters);
    }

    /// <summary>
    /// The <paramref name="maxNodes"/> nodes nearest (by time) to a standing unit, with exact times and lengths, by one
    /// forward search that stops there. A dispatch query then reads a unit's time to the scene from its table instead
    /// of searching: see <see cref="CostsToSceneFromTables"/>.
    /// </summary>
    public ReachTable ReachFrom(RoadSnap origin, int maxNodes)
    {
        var scratch = SearchScratch.For(this);
        var settled = new List<(int Node, double Seconds)>(Math.Min(maxNodes, NodeCount));
        scratch.Relax(edgeTo[origin.Edge], (1 - origin.Fraction) * edgeSeconds[origin.Edge], -1);
        if (Twin(origin.Edge) is { } twin)
        {
            scratch.Relax(edgeTo[twin], origin.Fraction * edgeSeconds[twin], -2);
        }

        var radius = double.PositiveInfinity;
        while (scratch.TryPop(out var node, out var d))
        {
            if (settled.Count == maxNodes)
            {
                // Everything still queued, and so everything never reached, takes at least this long.
                radius = d;
                break;
            }

            settled.Add((node, d));
            for (var i = forwardStart[node]; i < forwardStart[node + 1]; i++)
            {
                scratch.Relax(forwardTarget[i], d + edgeSeconds[forwardEdge[i]], forwardEdge[i]);
            }
        }

        // Lengths down the search tree, in settle order so each node's predecessor is already known.
        var length = new Dictionary<int, double>(settled.Count);
        foreach (var (node, _) in settled)
        {
            var via = scratch.Via(node);
            length[node] = via switch
            {
                -1 => (1 - origin.Fraction) * edgeMeters[origin.Edge],
                -2 => origin.Fraction * edgeMeters[Twin(origin.Edge)!.Value],
                _ => length[edgeFrom[via]] + edgeMeters[via],
            };
        }

        return new ReachTable(origin, settled.Select(s => (s.Node, s.Seconds, length[s.Node])).ToArray(), radius);
    }

    /// <summary>
    /// The <paramref name="enough"/> fastest origins to the scene, read from their reach tables, or null when the tables
    /// cannot prove it (some origin without a table, or the k-th time not below every other origin's lower bound), in
    /// which case the caller searches. A unit's time is the better of entering the scene's edge from its start or its
    /// twin's start, as in <see cref="CostsToScene"/>, or driving along the scene's own edge.
    /// </summary>
    public IReadOnlyList<RouteCost?>? CostsToSceneFromTables(IReadOnlyList<ReachTable?> tables, RoadSnap scene, int enough)
    {
        var accessSpeed = Speeds.AccessSpeedKmh / 3.6;
        var back = Twin(scene.Edge);
        var exact = new List<(int Origin, double Seconds, double Meters)>(tables.Count);
        var bound = double.PositiveInfinity;
        for (var i = 0; i < tables.Count; i++)
        {
            if (tables[i] is not { } table)
            {
                return null;
            }

            var origin = table.Origin;
            var access = origin.DistanceMeters / accessSpeed;
            var (best, meters, missing) = (double.PositiveInfinity, 0.0, double.PositiveInfinity);
            Enter(edgeFrom[scene.Edge], scene.Fraction * edgeSeconds[scene.Edge], scene.Fraction * edgeMeters[scene.Edge]);
            if (back is { } b)
            {
                Enter(edgeFrom[b], (1 - scene.Fraction) * edgeSeconds[b], (1 - scene.Fraction) * edgeMeters[b]);
            }

            Along(origin.Edge, origin.Fraction);
            if (Twin(origin.Edge) is { } originTwin)
            {
                Along(originTwin, 1 - origin.Fraction);
            }

            if (double.IsPositiveInfinity(best) && double.IsPositiveInfinity(missing))
            {
                // The table holds all this unit can reach, and the scene is not in it.
                continue;
            }

            if (best <= missing)
            {
                exact.Add((i, best + access, meters));
            }
            else
            {
                bound = Math.Min(bound, missing + access);
            }

            void Enter(int node, double seconds, double length)
            {
                if (table.TryGet(node, out var time, out var along))
                {
                    if (time + seconds < best)
                    {
                        (best, meters) = (time + seconds, along + length);
                    }
                }
                else
                {
                    missing = Math.Min(missing, table.Radius + seconds);
                }
            }

            void Along(int edge, double fraction)
            {
                if (edge == scene.Edge && scene.Fraction >= fraction && (scene.Fraction - fraction) * edgeSeconds[edge] < best)
                {
                    (best, meters) = ((scene.Fraction - fraction) * edgeSeconds[edge], (scene.Fraction - fraction) * edgeMeters[edge]);
                }
            }
        }

        // Proven when the k-th fastest known time is no later than the earliest any other unit could be; with fewer than
        // k known, only if no other unit could come at all. Units tied with the k-th come back too, as from the search.
        exact.Sort((x, y) => x.Seconds.CompareTo(y.Seconds));
        var proven = exact.Count >= enough ? exact[enough - 1].Seconds <= bound : double.IsPositiveInfinity(bound);
        if (!proven)
        {
            return null;
        }

        var result = new RouteCost?[tables.Count];
        var last = exact.Count >= enough ? exact[enough - 1].Seconds : double.PositiveInfinity;
        foreach (var (origin, seconds, meters) in exact.TakeWhile((e, i) => i < enough || e.Seconds <= last))
        {
            result[origin] = new RouteCost(seconds + (scene.DistanceMeters / accessSpeed),
                meters + tables[origin]!.Origin.DistanceMeters + scene.DistanceMeters);
        }

        return result;
    }

    /// <summary>Every node reachable from a point within <paramref name="seconds"/>, driving out from it.</summary>
    public IReadOnlyList<GeoPoint> ReachableWithin(RoadSnap from, double seconds) =>
        [from.OnRoad, .. ReachableNodes(from, seconds).Select(NodeLocation)];

    /// <summary>The ids of the nodes reachable from a point within <paramref name="seconds"/>.</summary>
    public IReadOnlyList<int> ReachableNodes(RoadSnap from, double seconds)
    {
        var dist = new double[NodeCount];
        Array.Fill(dist, double.PositiveInfinity);
        var queue = new PriorityQueue<int, double>();
        var access = from.DistanceMeters / (Speeds.AccessSpeedKmh / 3.6);
        void Start(int edge, double fraction)
        {
            var cost = access + ((1 - fraction) * edgeSeconds[edge]);
            if (cost <= seconds && cost < dist[edgeTo[edge]])
            {
                dist[edgeTo[edge]] = cost;
                queue.Enqueue(edgeTo[edge], cost);
            }
        }

        Start(from.Edge, from.Fraction);
        if (Twin(from.Edge) is { } twin)
        {
            Start(twin, 1 - from.Fraction);
        }

        var reached = new List<int>();
        while (queue.TryDequeue(out var node, out var d))
        {
            if (d > dist[node])
            {
                continue;
            }

            reached.Add(node);
            for (var i = forwardStart[node]; i < forwardStart[node + 1]; i++)
            {
                var through = d + edgeSeconds[forwardEdge[i]];
                if (through <= seconds && through < dist[forwardTarget[i]])
                {
                    dist[forwardTarget[i]] = through;
                    queue.Enqueue(forwardTarget[i], through);
                }
            }
        }

        return reached;
    }

    /// <summary>Seconds from one node to every node (forward, no early exit): the reference a check compares with.</summary>
    public double[] SecondsFromNode(int source)
    {
        var dist = new double[NodeCount];
        Array.Fill(dist, double.PositiveInfinity);
        dist[source] = 0;
        var queue = new PriorityQueue<int, double>();
        queue.Enqueue(source, 0);
        while (queue.TryDequeue(out var node, out var d))
        {
            if (d > dist[node])
            {
                continue;
            }

            for (var i = forwardStart[node]; i < forwardStart[node + 1]; i++)
            {
                var through = d + edgeSeconds[forwardEdge[i]];
                if (through < dist[forwardTarget[i]])
                {
                    dist[forwardTarget[i]] = through;
                    queue.Enqueue(forwardTarget[i], through);
                }
            }
        }

        return dist;
    }

    /// <summary>
    /// The graph as an edge table for other routing engines: one directed row per edge, node ids as here
    /// (pgRouting's <c>id, source, target, cost, reverse_cost</c> shape, with reverse_cost -1 because each direction
    /// is its own row).
    /// </summary>
    public void WriteEdgeTable(TextWriter writer)
    {
        writer.WriteLine("id,source,target,cost,reverse_cost,length_m");
        for (var e = 0; e < EdgeCount; e++)
        {
            writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{e + 1},{edgeFrom[e]},{edgeTo[e]},{edgeSeconds[e]:R},-1,{edgeMeters[e]:R}"));
        }
    }

    /// <summary>The opposite edge of a two-way road, if there is one.</summary>
    private int? Twin(int edge)
    {
        var (from, to) = (edgeFrom[edge], edgeTo[edge]);
        for (var i = forwardStart[to]; i < forwardStart[to + 1]; i++)
        {
            if (forwardTarget[i] == from)
            {
                return forwardEdge[i];
            }
        }

        return null;
    }

    private RoadSnap Project(int edge, GeoPoint point)
    {
        // Local equirectangular metres around the point: exact enough over one road edge.
        var kx = Math.Cos(point.Lat * Math.PI / 180) * GeoPoint.EarthRadiusMeters * Math.PI / 180;
        const double ky = GeoPoint.EarthRadiusMeters * Math.PI / 180;
        var (ax, ay) = ((lon[edgeFrom[edge]] - point.Lon) * kx, (lat[edgeFrom[edge]] - point.Lat) * ky);
        var (bx, by) = ((lon[edgeTo[edge]] - point.Lon) * kx, (lat[edgeTo[edge]] - point.Lat) * ky);
        var (dx, dy) = (bx - ax, by - ay);
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp(-((ax * dx) + (ay * dy)) / lengthSquared, 0, 1);
        var (px, py) = (ax + (t * dx), ay + (t * dy));
        var snapped = new GeoPoint(point.Lat + (py / ky), point.Lon + (px / kx));
        return new RoadSnap(edge, t, Math.Sqrt((px * px) + (py * py)), snapped);
    }

    /// <summary>Sorts edges by <paramref name="key"/> node into rows: row starts, the other end, the edge id.</summary>
    private static (int[] Start, int[] Other, int[] Edge) Rows(int nodeCount, int[] key, int[] other)
    {
        var start = new int[nodeCount + 1];
        foreach (var k in key)
        {
            start[k + 1]++;
        }

        for (var i = 0; i < nodeCount; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = (int[])start.Clone();
        var others = new int[key.Length];
        var ids = new int[key.Length];
        for (var e = 0; e < key.Length; e++)
        {
            var slot = fill[key[e]]++;
            others[slot] = other[e];
            ids[slot] = e;
        }

        return (start, others, ids);
    }

    /// <summary>
    /// Point-to-edge distance in plain degrees, the metric of the tree's envelopes, so the tree's pruning stays
    /// sound; the few nearest candidates are then compared in metres by <see cref="Snap"/>.
    /// </summary>
    private sealed class EdgeDistance(RoadGraph graph) : IItemDistance<Envelope, int>
    {
        public double Distance(IBoundable<Envelope, int> item1, IBoundable<Envelope, int> item2)
        {
            var (edge, probe) = item1.Item >= 0 ? (item1.Item, item2.Bounds) : (item2.Item, item1.Bounds);
            var a = new Coordinate(graph.lon[graph.edgeFrom[edge]], graph.lat[graph.edgeFrom[edge]]);
            var b = new Coordinate(graph.lon[graph.edgeTo[edge]], graph.lat[graph.edgeTo[edge]]);
            return NetTopologySuite.Algorithm.DistanceComputer.PointToSegment(new Coordinate(probe.MinX, probe.MinY), a, b);
        }
    }

    private readonly record struct ReverseArc(int Source, float Seconds);
}
