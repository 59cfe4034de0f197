namespace EmergencyLink.Geo.Routing;

/// <summary>
/// Per-thread search arrays reused across searches. A generation stamp marks which entries belong to the current
/// search, so starting one costs nothing instead of clearing (and allocating) arrays the size of the graph: on a
/// 250,000-node city that allocation alone would cost more than the search it serves.
/// </summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? current;

    private readonly double[] dist;
    private readonly double[] meters;
    private readonly int[] stamp;
    private readonly int[] head;
    private readonly int[] headStamp;
    private int generation;

    private SearchScratch(RoadGraph graph, int nodes)
    {
        Graph = graph;
        dist = new double[nodes];
        meters = new double[nodes];
        stamp = new int[nodes];
        head = new int[nodes];
        headStamp = new int[nodes];
    }

    public RoadGraph Graph { get; }

    public PriorityQueue<int, double> Queue { get; } = new();

    /// <summary>This thread's scratch for the graph, reset for a new search.</summary>
    public static SearchScratch For(RoadGraph graph)
    {
        if (current is null || !ReferenceEquals(current.Graph, graph))
        {
            current = new SearchScratch(graph, graph.NodeCount);
        }

        current.Queue.Clear();
        if (++current.generation == int.MaxValue)
        {
            Array.Clear(current.stamp);
            Array.Clear(current.headStamp);
            current.generation = 1;
        }

        return current;
    }

    public double Dist(int node) => stamp[node] == generation ? dist[node] : double.PositiveInfinity;

    public double Meters(int node) => stamp[node] == generation ? meters[node] : 0;

    /// <summary>The first origin attachment waiting on a node in this search, or -1.</summary>
    public int Head(int node) => headStamp[node] == generation ? head[node] : -1;

    public void SetHead(int node, int attachment)
    {
        headStamp[node] = generation;
        head[node] = attachment;
    }

    public void Set(int node, double seconds, double length)
    {
        stamp[node] = generation;
        dist[node] = seconds;
        meters[node] = length;
    }
}
