using EmergencyLink.Clinical.St;

namespace EmergencyLink.Clinical.Tests.St;

/// <summary>
/// <see cref="ColumnMedian"/> stands in for "sort a copy, take the middle" in the median beat, whose values must not
/// move by a bit: compared bit for bit with that, over columns that keep or reshuffle the beats' order.
/// </summary>
public sealed class ColumnMedianTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(17)]
    [InlineData(24)]
    public void Every_column_gives_bit_for_bit_the_middle_of_the_sorted_values(int beats)
    {
        var random = new Random(beats);
        var median = new ColumnMedian();
        var column = new float[beats];
        var offsets = Enumerable.Range(0, beats).Select(_ => random.NextDouble()).ToArray();
        for (var n = 0; n < 400; n++)
        {
            for (var b = 0; b < beats; b++)
            {
                // Mostly a smooth beat shape, as in a median beat; every 50th column shuffled at random.
                column[b] = n % 50 == 0
                    ? (float)random.NextDouble()
                    : (float)(Math.Sin(n * 0.05) + offsets[b] + (0.05 * random.NextDouble()));
            }

            AssertSameBits(SortedMedian(column), median.Next(column));
        }
    }

    public static TheoryData<int, float[]> ZerosAndTies => new()
    {
        // Keyed by a number: xUnit takes 0 and -0 for the same data.
        { 1, [0.5f, -0.0f, 0.0f] },
        { 2, [0.0f, -0.0f, 0.5f] },
        { 3, [-0.0f, 0.0f, -1f, 1f] },
        { 4, [0.0f, -0.0f, -1f, 1f] },
        { 5, [-0.0f, -0.0f, -1f, 1f] },
        { 6, [2f, 2f, 2f, 1f, 3f] },
    };

    [Theory]
    [MemberData(nameof(ZerosAndTies))]
    public void Zeros_of_either_sign_and_ties_give_what_the_sort_gave(int @case, float[] column)
    {
        var median = new ColumnMedian();

        // First a column that ranks the beats the other way round, so the kept order is not the sort's.
        median.Next(column.Select((_, i) => (float)-i).ToArray());

        Assert.True(@case > 0);
        AssertSameBits(SortedMedian(column), median.Next(column));
    }

    [Theory]
    [InlineData(new[] { float.NaN, 1f, 2f })]
    [InlineData(new[] { 1f, float.NaN, 2f, 3f })]
    [InlineData(new[] { 3f, 1f, float.NaN, float.NaN, 2f })]
    public void Nan_is_ranked_first_as_the_sort_ranks_it(float[] column)
    {
        var median = new ColumnMedian();

        AssertSameBits(SortedMedian(column), median.Next(column));
    }

    [Fact]
    public void The_count_may_change_between_columns()
    {
        var median = new ColumnMedian();

        Assert.Equal(2f, median.Next([3f, 1f, 2f]));
        Assert.Equal(2.5f, median.Next([4f, 1f, 3f, 2f]));
        Assert.Equal(7f, median.Next([7f]));
    }

    [Fact]
    public void An_empty_column_has_no_median()
    {
        Assert.Throws<ArgumentException>(() => new ColumnMedian().Next([]));
    }

    private static float SortedMedian(float[] values)
    {
        var sorted = (float[])values.Clone();
        Array.Sort(sorted);
        var half = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2f;
    }

    private static void AssertSameBits(float expected, float actual) =>
        Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual));
}
