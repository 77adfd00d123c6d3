namespace Conversations.Grains.Streams;

/// <summary>What is published besides each event's lead partition and each signal's streams. Bound from <c>Conversations:Streams</c>.</summary>
public sealed class StreamPublishingOptions
{
    public const string SectionName = "Conversations:Streams";

    /// <summary>
    /// Also publish each event on its kind's stream and its campaign's (<c>conversation-events-by-kind</c>,
    /// <c>conversation-events-by-campaign</c>). On by default: the relay publishes by stream in batches, so these cost a
    /// few more calls per round, not one per event.
    /// </summary>
    public bool EventsByKindAndCampaign { get; set; } = true;
}
