namespace Conversations.Abstractions.Events;

/// <summary>A provider's classification of a reply.</summary>
public enum ReplySentiment
{
    Positive,
    Negative,
    Neutral,
}
