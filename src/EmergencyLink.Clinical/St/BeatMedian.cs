using System.Numerics;

namespace EmergencyLink.Clinical.St;

/// <summary>
/// Sample-by-sample medians across beats, as a median beat takes them: thousands per 10-s window, each of about ten
/// values. Sorting each column of values costs ~85 ns and was most of the window's time. Here a vector of neighbouring
/// samples goes through at once: a beat's rank in each lane is counted by comparing it with every other beat, and the
/// beat of the middle rank gives the lane's median, without branches that the noise makes unpredictable.
/// The result is bit for bit the middle of the values sorted with <see cref="MemoryExtensions.Sort{T}(Span{T})"/>
/// (the mean of the two middle values for an even count): the order statistics of numbers do not depend on how they
/// were found. Where they could (a zero whose sign the sort's order decides, or a NaN, which that sort puts first),
/// that column is sorted the old way instead.
/// </summary>
internal static class BeatMedian
{
    /// <summary>
    /// <paramref name="medians"/>[n] = the median of <paramref name="beats"/>[b * length + n] over the
    /// <paramref name="count"/> beats b, for every n below <paramref name="medians"/>.Length.
    /// </summary>
    /// <param name="scratch">At least <paramref name="count"/> values of working memory.</param>
    public static void Columns(ReadOnlySpan<float> beats, int count, int length, Span<float> medians, Span<float> scratch)
    {
        if (count < 1 || beats.Length < count * length || medians.Length > length || scratch.Length < count)
        {
            throw new ArgumentException("The beats, medians and scratch do not fit together.");
        }

        var lanes = Vector<float>.Count;
        if (medians.Length < lanes)
        {
            for (var n = 0; n < medians.Length; n++)
            {
                medians[n] = Sorted(beats, count, length, n, scratch);
            }

            return;
        }

        // The last block is moved back to end on the last sample; the samples it repeats come out the same.
        for (var block = 0; block < medians.Length; block += lanes)
        {
            var start = Math.Min(block, medians.Length - lanes);
            Block(beats, count, length, start, medians, scratch);
        }
    }

    private static void Block(ReadOnlySpan<float> beats, int count, int length, int start, Span<float> medians, Span<float> scratch)
    {
        var half = count / 2;
        var even = count % 2 == 0;
        var lowRank = new Vector<int>(even ? half - 1 : half);
        var highRank = new Vector<int>(half);
        var low = Vector<float>.Zero;
        var high = Vector<float>.Zero;
        var nan = Vector<int>.Zero;
        for (var i = 0; i < count; i++)
        {
            var value = new Vector<float>(beats.Slice((i * length) + start, Vector<float>.Count));
            nan |= ~Vector.Equals(value, value);

            // Rank as a stable sort would place it: beats before it that are not larger, beats after it that are smaller.
            var rank = Vector<int>.Zero;
            for (var j = 0; j < i; j++)
            {
                rank -= Vector.LessThanOrEqual(new Vector<float>(beats.Slice((j * length) + start, Vector<float>.Count)), value);
            }

            for (var j = i + 1; j < count; j++)
            {
                rank -= Vector.LessThan(new Vector<float>(beats.Slice((j * length) + start, Vector<float>.Count)), value);
            }

            low = Vector.ConditionalSelect(Vector.Equals(rank, lowRank), value, low);
            high = Vector.ConditionalSelect(Vector.Equals(rank, highRank), value, high);
        }

        var median = even ? (low + high) / new Vector<float>(2f) : low;
        var redo = nan | Vector.Equals(low, Vector<float>.Zero) | Vector.Equals(high, Vector<float>.Zero);
        median.CopyTo(medians[start..]);
        if (redo != Vector<int>.Zero)
        {
            for (var lane = 0; lane < Vector<int>.Count; lane++)
            {
                if (redo[lane] != 0)
                {
                    medians[start + lane] = Sorted(beats, count, length, start + lane, scratch);
                }
            }
        }
    }

    /// <summary>The median as it was always taken: sort a copy of the column, take the middle.</summary>
    private static float Sorted(ReadOnlySpan<float> beats, int count, int length, int n, Span<float> scratch)
    {
        var column = scratch[..count];
        for (var b = 0; b < count; b++)
        {
            column[b] = beats[(b * length) + n];
        }

        column.Sort();
        var half = count / 2;
        return count % 2 == 1 ? column[half] : (column[half - 1] + column[half]) / 2f;
    }
}
