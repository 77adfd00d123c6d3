using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Load;

/// <summary>The merged statistics of all request loops, per phase, and how long the measured phase really took.</summary>
internal sealed record LoadResult(PhaseStats Warmup, PhaseStats Measured, TimeSpan MeasuredElapsed);
