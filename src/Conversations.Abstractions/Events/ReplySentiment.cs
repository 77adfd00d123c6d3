namespace Conversations.Abstractions.Events;

/// <summary>A provider's classification of a reply.</summary>
[Alias("conversations.ReplySentiment")]
public enum ReplySentiment
{
    Positive,
    Negative,
    Neutral,
}
