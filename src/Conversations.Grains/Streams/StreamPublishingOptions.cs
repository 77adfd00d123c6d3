namespace Conversations.Grains.Streams;

/// <summary>What is published besides each event's lead partition and each signal's streams. Bound from <c>Conversations:Streams</c>.</summary>
public sealed class StreamPublishingOptions
{
    public const string SectionName = "Conversations:Streams";

    /// <summary>
    /// Also publish each event on its kind's stream and its campaign's (<c>conversation-events-by-kind</c>,
    /// <c>conversation-events-by-campaign</c>). Off by default: each is one more call to a stream queue per event, on
    /// the same cores that store them.
    /// </summary>
    public bool EventsByKindAndCampaign { get; set; }
}
