using System.Diagnostics;

namespace Conversations.LoadTest.Load;

/// <summary>
/// Splits the run into warm-up and measured time, on the high-resolution clock. A request belongs to the
/// phase in which it started; no request starts after the measured period ends.
/// </summary>
internal sealed class PhaseClock(TimeSpan warmup, TimeSpan duration)
{
    public long Start { get; } = Stopwatch.GetTimestamp();

    public long MeasuredStart => Start + Ticks(warmup);

    public long End => MeasuredStart + Ticks(duration);

    public RunPhase PhaseAt(long timestamp) =>
        timestamp < MeasuredStart ? RunPhase.Warmup : timestamp < End ? RunPhase.Measured : RunPhase.Done;

    public TimeSpan Elapsed(long timestamp) => Stopwatch.GetElapsedTime(Start, timestamp);

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
