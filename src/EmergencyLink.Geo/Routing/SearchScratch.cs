namespace EmergencyLink.Geo.Routing;

/// <summary>
/// Per-thread search state reused across searches: one record per node (time, place in the queue, the edge it was
/// reached through, the origins waiting on it) and an indexed 4-ary heap over node ids with decrease-key. A generation
/// stamp marks which records belong to the current search, so starting one costs nothing instead of clearing (and allocating) arrays the size of the graph:
/// on a 250,000-node city that allocation alone would cost more than the search it serves.
/// </summary>
/// <remarks>
/// Why not <see cref="PriorityQueue{TElement, TPriority}"/>: without decrease-key every improvement enqueues the node
/// again, so the queue holds stale entries (about half of them on a street grid) that cost a sift each to push and
/// to pop. Here a node is in the queue at most once and a stale entry never exists. Keeping a node's state in one
/// record means one cache line per relaxed node instead of five.
/// </remarks>
internal sealed class SearchScratch
{
    private const int Settled = -1;
    private const int Unqueued = -2;

    [ThreadStatic]
    private static SearchScratch? current;

    private readonly NodeState[] state;
    private readonly HeapEntry[] heap;
    private int count;
    private int generation;

    private SearchScratch(RoadGraph graph, int nodes)
    {
        Graph = graph;
        state = new NodeState[nodes];
        heap = new HeapEntry[nodes];
    }

    public RoadGraph Graph { get; }

    /// <summary>This thread's scratch for the graph, reset for a new search.</summary>
    public static SearchScratch For(RoadGraph graph)
    {
        if (current is null || !ReferenceEquals(current.Graph, graph))
        {
            current = new SearchScratch(graph, graph.NodeCount);
        }

        current.count = 0;
        if (++current.generation == int.MaxValue)
        {
            Array.Clear(current.state);
            current.generation = 1;
        }

        return current;
    }

    public double Dist(int node) => state[node].Stamp == generation ? state[node].Seconds : double.PositiveInfinity;

    /// <summary>The arc through which a reached node got its time (a negative number for a search's start).</summary>
    public int Via(int node) => state[node].Via;

    /// <summary>The first origin attachment waiting on a node in this search, or -1.</summary>
    public int Head(int node) => state[node].Stamp == generation ? state[node].Head : -1;

    public void SetHead(int node, int attachment)
    {
        ref var s = ref Touch(node);
        s.Head = attachment;
    }

    /// <summary>
    /// Offers a node a time: kept, and queued or moved up the queue, when it beats the node's time so far. A node
    /// already taken from the queue is final (edge costs are never negative) and can never be beaten.
    /// </summary>
    public void Relax(int node, double seconds, int through)
    {
        ref var s = ref Touch(node);
        if (s.Slot == Unqueued)
        {
            (s.Seconds, s.Via, s.Slot) = (seconds, through, count);
            heap[count] = new HeapEntry(seconds, node);
            SiftUp(count++);
        }
        else if (s.Slot != Settled && seconds < s.Seconds)
        {
            (s.Seconds, s.Via) = (seconds, through);
            heap[s.Slot] = new HeapEntry(seconds, node);
            SiftUp(s.Slot);
        }
    }

    /// <summary>The node's record, made fresh (unreached, no origin waiting) if this search has not touched it yet.</summary>
    private ref NodeState Touch(int node)
    {
        ref var s = ref state[node];
        if (s.Stamp != generation)
        {
            s = new NodeState { Seconds = double.PositiveInfinity, Stamp = generation, Slot = Unqueued, Head = -1, Via = -1 };
        }

        return ref s;
    }

    /// <summary>Takes the queued node with the least time; its time is then final.</summary>
    public bool TryPop(out int node, out double seconds)
    {
        if (count == 0)
        {
            (node, seconds) = (-1, 0);
            return false;
        }

        (seconds, node) = heap[0];
        state[node].Slot = Settled;
        if (--count > 0)
        {
            SiftDown(heap[count]);
        }

        return true;
    }

    private void SiftUp(int slot)
    {
        var entry = heap[slot];
        while (slot > 0)
        {
            var parent = (slot - 1) >> 2;
            if (heap[parent].Key <= entry.Key)
            {
                break;
            }

            Place(slot, heap[parent]);
            slot = parent;
        }

        Place(slot, entry);
    }

    /// <summary>Puts <paramref name="entry"/> (the former last one) in the root's place and lets it sink.</summary>
    private void SiftDown(HeapEntry entry)
    {
        var slot = 0;
        while (true)
        {
            var first = (slot << 2) + 1;
            if (first >= count)
            {
                break;
            }

            var best = first;
            var last = Math.Min(first + 4, count);
            for (var c = first + 1; c < last; c++)
            {
                if (heap[c].Key < heap[best].Key)
                {
                    best = c;
                }
            }

            if (heap[best].Key >= entry.Key)
            {
                break;
            }

            Place(slot, heap[best]);
            slot = best;
        }

        Place(slot, entry);
    }

    private void Place(int slot, HeapEntry entry)
    {
        heap[slot] = entry;
        state[entry.Node].Slot = slot;
    }

    private readonly record struct HeapEntry(double Key, int Node);

    private struct NodeState
    {
        public double Seconds;
        public int Stamp;
        public int Slot;
        public int Head;
        public int Via;
    }
}
