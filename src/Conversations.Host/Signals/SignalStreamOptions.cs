namespace Conversations.Host.Signals;

/// <summary>How <c>GET /api/signals/stream</c> follows the signal feed. Bound from <c>Conversations:SignalStream</c>.</summary>
public sealed class SignalStreamOptions
{
    public const string SectionName = "Conversations:SignalStream";

    /// <summary>Milliseconds between reads of the feed while it has nothing new. Default 250.</summary>
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>Seconds of silence after which a comment line is sent, so that proxies keep the stream open. Default 15.</summary>
    public double HeartbeatSeconds { get; set; } = 15;

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollMilliseconds);
    public TimeSpan Heartbeat => TimeSpan.FromSeconds(HeartbeatSeconds);
}
