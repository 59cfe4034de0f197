using System.Numerics;
using EmergencyLink.Clinical.St;

namespace EmergencyLink.Clinical.Tests.St;

/// <summary>
/// <see cref="BeatMedian"/> stands in for "sort a copy of the column, take the middle" in the median beat, whose
/// values must not move by a bit: compared bit for bit with that, for odd and even beat counts, segments that are
/// and are not a whole number of vectors long, ties, zeros of either sign and NaN.
/// </summary>
public sealed class BeatMedianTests
{
    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 40)]
    [InlineData(3, 325)]
    [InlineData(4, 111)]
    [InlineData(9, 158)]
    [InlineData(12, 325)]
    [InlineData(17, 3)]
    [InlineData(24, 650)]
    public void Every_sample_gives_bit_for_bit_the_middle_of_the_sorted_beats(int count, int length)
    {
        var random = new Random((count * 1000) + length);
        var beats = new float[count * length];
        for (var b = 0; b < count; b++)
        {
            var offset = random.NextDouble();
            for (var n = 0; n < length; n++)
            {
                // A beat shape with noise as large as the beats' spread, so the ranks change from sample to sample,
                // and a run of coarse values for ties.
                beats[(b * length) + n] = n % 37 < 5
                    ? random.Next(3) * 0.5f
                    : (float)(Math.Sin(n * 0.05) + offset + random.NextDouble());
            }
        }

        AssertSortedMedians(beats, count, length);
    }

    public static TheoryData<int, float[]> Awkward => new()
    {
        // Keyed by a number: xUnit takes 0 and -0 for the same data.
        { 1, [0.5f, -0.0f, 0.0f] },
        { 2, [0.0f, -0.0f, 0.5f] },
        { 3, [-0.0f, 0.0f, -1f, 1f] },
        { 4, [0.0f, -0.0f, -1f, 1f] },
        { 5, [-0.0f, -0.0f, -1f, 1f] },
        { 6, [2f, 2f, 2f, 1f, 3f] },
        { 7, [float.NaN, 1f, 2f] },
        { 8, [1f, float.NaN, 2f, 3f] },
        { 9, [3f, 1f, float.NaN, float.NaN, 2f] },
        { 10, [float.PositiveInfinity, float.NegativeInfinity, 1f] },
    };

    /// <summary>One column of awkward values, placed in every lane of a vector among ordinary columns.</summary>
    [Theory]
    [MemberData(nameof(Awkward))]
    public void Zeros_of_either_sign_ties_and_nan_give_what_the_sort_gave(int @case, float[] column)
    {
        Assert.True(@case > 0);
        AssertSortedMediansWherever(column);
    }

    /// <summary>
    /// Above 16 values the sort is no longer stable, so which of several zeros ends up in the middle, and with it the
    /// median's sign, is the sort's own: such columns must come out as the sort had them.
    /// </summary>
    [Fact]
    public void A_zero_median_of_many_beats_has_the_sign_the_sort_gave_it()
    {
        var random = new Random(5);
        var found = 0;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            float[] column = [.. Enumerable.Range(1, 9).Select(i => (float)-i), -0.0f, 0.0f, -0.0f, 0.0f, .. Enumerable.Range(1, 8).Select(i => (float)i)];
            random.Shuffle(column);
            var sorted = (float[])column.Clone();
            Array.Sort(sorted);
            var firstZero = column.First(v => v == 0);
            if (BitConverter.SingleToInt32Bits(sorted[column.Length / 2]) != BitConverter.SingleToInt32Bits(firstZero))
            {
                found++;
                AssertSortedMediansWherever(column);
            }
        }

        // Columns where a stable order would give the other sign.
        Assert.True(found > 0);
    }

    [Fact]
    public void Only_the_samples_asked_for_are_written()
    {
        float[] beats = [.. Enumerable.Range(0, 3 * 20).Select(i => (float)i)];
        var medians = new float[25];
        Array.Fill(medians, -7f);

        BeatMedian.Columns(beats, 3, 20, medians.AsSpan(0, 12), new float[3]);

        Assert.Equal(Enumerable.Range(20, 12).Select(i => (float)i), medians[..12]);
        Assert.All(medians[12..], m => Assert.Equal(-7f, m));
    }

    [Fact]
    public void Beats_too_short_for_the_medians_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BeatMedian.Columns(new float[30], 3, 11, new float[11], new float[3]));
        Assert.Throws<ArgumentException>(() => BeatMedian.Columns(new float[30], 3, 10, new float[11], new float[3]));
        Assert.Throws<ArgumentException>(() => BeatMedian.Columns(new float[30], 3, 10, new float[10], new float[2]));
    }

    /// <summary>The column at every place in a segment of ordinary samples two and a bit vectors long.</summary>
    private static void AssertSortedMediansWherever(float[] column)
    {
        var count = column.Length;
        var length = (2 * Vector<float>.Count) + 3;
        for (var at = 0; at < length; at++)
        {
            var beats = new float[count * length];
            for (var b = 0; b < count; b++)
            {
                for (var n = 0; n < length; n++)
                {
                    beats[(b * length) + n] = n == at ? column[b] : (b * 0.25f) - n;
                }
            }

            AssertSortedMedians(beats, count, length);
        }
    }

    private static void AssertSortedMedians(float[] beats, int count, int length)
    {
        var medians = new float[length];
        BeatMedian.Columns(beats, count, length, medians, new float[count]);

        for (var n = 0; n < length; n++)
        {
            var column = new float[count];
            for (var b = 0; b < count; b++)
            {
                column[b] = beats[(b * length) + n];
            }

            Array.Sort(column);
            var half = count / 2;
            var expected = count % 2 == 1 ? column[half] : (column[half - 1] + column[half]) / 2f;
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(medians[n]));
        }
    }
}
