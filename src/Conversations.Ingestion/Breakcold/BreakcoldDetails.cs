using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>What a subject reader found in a delivery, before the lead is resolved.</summary>
internal sealed record BreakcoldDetails
{
    /// <summary>The lead object, or null when the delivery has none where one was looked for.</summary>
    public PayloadObject? Lead { get; init; }

    /// <summary>The event's time, or null when the delivery carries none.</summary>
    public ProviderTime? Time { get; init; }

    /// <summary>Set when the delivery says who acted; otherwise the event type's direction applies.</summary>
    public Direction? Direction { get; init; }

    /// <summary>The provider's id of what changed (a status, a list, a task, a note), part of the event id.</summary>
    public string? ActivityId { get; init; }

    public string? MessageId { get; init; }
    public string? Subject { get; init; }
    public string? Text { get; init; }
    public string? Url { get; init; }
    public CampaignRef? Campaign { get; init; }
}
