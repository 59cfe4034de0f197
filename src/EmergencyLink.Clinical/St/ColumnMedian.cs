namespace EmergencyLink.Clinical.St;

/// <summary>
/// The median of each column of beats (one value per beat at one sample of the beat), column after column. A median
/// beat takes thousands of such medians per window, and neighbouring samples of a beat rank the beats almost alike;
/// so instead of sorting every column from scratch, the beats' rank order of the previous column is kept and repaired
/// by insertion, which costs about one comparison per beat.
/// The result is bit for bit the middle of the values sorted with <see cref="MemoryExtensions.Sort{T}(Span{T})"/>
/// (the mean of the two middle values for an even count): apart from a zero's sign, the order statistics of numbers
/// do not depend on how they were sorted. Where they could (a middle value is zero, or a value is NaN, which that sort
/// puts first), the values are sorted the old way instead. Not thread-safe.
/// </summary>
internal sealed class ColumnMedian
{
    private int[] order = [];
    private float[] scratch = [];
    private int count = -1;

    /// <summary>The median of <paramref name="values"/>, which are given in the same beat order every call.</summary>
    public float Next(ReadOnlySpan<float> values)
    {
        var n = values.Length;
        if (n == 0)
        {
            throw new ArgumentException("A median needs at least one value.", nameof(values));
        }

        if (n != count)
        {
            Start(n);
        }

        for (var i = 0; i < n; i++)
        {
            if (float.IsNaN(values[i]))
            {
                return Sorted(values);
            }
        }

        var rank = order;
        for (var i = 1; i < n; i++)
        {
            var beat = rank[i];
            var value = values[beat];
            var j = i - 1;
            while (j >= 0 && values[rank[j]] > value)
            {
                rank[j + 1] = rank[j];
                j--;
            }

            rank[j + 1] = beat;
        }

        var half = n / 2;
        if (n % 2 == 1)
        {
            var middle = values[rank[half]];
            return middle == 0 ? Sorted(values) : middle;
        }

        var low = values[rank[half - 1]];
        var high = values[rank[half]];
        return low == 0 || high == 0 ? Sorted(values) : (low + high) / 2f;
    }

    private void Start(int n)
    {
        if (order.Length < n)
        {
            order = new int[n];
            scratch = new float[n];
        }

        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        count = n;
    }

    /// <summary>The median as it was always taken: sort a copy, take the middle.</summary>
    private float Sorted(ReadOnlySpan<float> values)
    {
        var copy = scratch.AsSpan(0, values.Length);
        values.CopyTo(copy);
        copy.Sort();
        var half = copy.Length / 2;
        return copy.Length % 2 == 1 ? copy[half] : (copy[half - 1] + copy[half]) / 2f;
    }
}
