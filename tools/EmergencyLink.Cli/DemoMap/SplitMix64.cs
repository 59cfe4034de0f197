namespace EmergencyLink.Cli.DemoMap;

/// <summary>
/// Steele, Lea and Flood's SplitMix64: tiny, well mixed, and the same sequence on every runtime, which
/// <see cref="Random"/> does not promise across .NET versions.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public double Between(double min, double max) => min + ((max - min) * NextDouble());
}
