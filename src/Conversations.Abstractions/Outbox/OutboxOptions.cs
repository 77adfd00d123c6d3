namespace Conversations.Abstractions.Outbox;

/// <summary>How the stream outbox hands over and retries. Bound from <c>Conversations:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Conversations:Outbox";

    /// <summary>
    /// Seconds an entry waits for the silo that committed it to publish it before any relay publishes it again.
    /// Longer means fewer duplicates after a slow publish; shorter, faster recovery after a crash. Default 30.
    /// </summary>
    public double RetryAfterSeconds { get; set; } = 30;

    /// <summary>Seconds between looks for overdue entries. Default 5.</summary>
    public double SweepIntervalSeconds { get; set; } = 5;

    /// <summary>Committed entries queued for this silo's relay at most; beyond, they wait for their due time. Default 10,000.</summary>
    public int FeedCapacity { get; set; } = 10_000;

    public TimeSpan RetryAfter => TimeSpan.FromSeconds(RetryAfterSeconds);
    public TimeSpan SweepInterval => TimeSpan.FromSeconds(SweepIntervalSeconds);
}
