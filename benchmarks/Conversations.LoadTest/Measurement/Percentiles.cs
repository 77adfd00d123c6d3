using System.Diagnostics;

namespace Conversations.LoadTest.Measurement;

/// <summary>Exact latency percentiles (nearest rank) over every recorded request, in milliseconds.</summary>
internal sealed class Percentiles
{
    private readonly long[] _sorted;

    public Percentiles(IEnumerable<long> ticks)
    {
        _sorted = ticks.ToArray();
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    /// <summary>The latency that <paramref name="fraction"/> of requests took at most; 0 when there were none.</summary>
    public double At(double fraction)
    {
        if (_sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(fraction * _sorted.Length);
        return Milliseconds(_sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)]);
    }

    public double Max => _sorted.Length == 0 ? 0 : Milliseconds(_sorted[^1]);

    public double Mean => _sorted.Length == 0 ? 0 : Milliseconds((long)_sorted.Average());

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
