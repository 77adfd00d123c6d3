namespace Conversations.LoadTest.Workload;

/// <summary>
/// A tiny deterministic random source (SplitMix64) for one lead: 8 bytes of state, so tens of thousands of
/// leads each get their own reproducible sequence cheaply. Not thread-safe; the owner serializes calls.
/// </summary>
internal sealed class Dice(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A uniform double in [0, 1).</summary>
    public double Next() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => Next() < probability;

    /// <summary>A uniform duration in [min, max).</summary>
    public TimeSpan Between(TimeSpan min, TimeSpan max) =>
        TimeSpan.FromSeconds(Math.Floor(min.TotalSeconds + Next() * (max - min).TotalSeconds));

    public int Below(int count) => (int)(Next() * count);

    private ulong NextBits()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
