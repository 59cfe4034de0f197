using System.Buffers;

namespace EmergencyLink.Clinical.St;

/// <summary>
/// The working memory of one window measurement (several hundred kilobytes for a 12-lead window), borrowed from the
/// shared array pools and given back when the window is done. Held per stream it would sit idle for 10 s out of every
/// 10 s, for every ambulance; allocated per window it was almost all of the live analysis's garbage. Pooled arrays are
/// longer than asked for and hold old values: every user states its lengths and writes before it reads.
/// </summary>
internal sealed class WindowScratch : IDisposable
{
    private readonly List<float[]> floats = [];
    private readonly List<double[]> doubles = [];
    private readonly List<int[]> ints = [];

    public float[] Floats(int length) => Rent(floats, length);

    public double[] Doubles(int length) => Rent(doubles, length);

    public int[] Ints(int length) => Rent(ints, length);

    public void Dispose()
    {
        Return(floats);
        Return(doubles);
        Return(ints);
    }

    private static T[] Rent<T>(List<T[]> rented, int length)
    {
        var array = ArrayPool<T>.Shared.Rent(length);
        rented.Add(array);
        return array;
    }

    private static void Return<T>(List<T[]> rented)
    {
        foreach (var array in rented)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        rented.Clear();
    }
}
