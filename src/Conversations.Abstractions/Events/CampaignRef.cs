namespace Conversations.Abstractions.Events;

/// <summary>The campaign (sequence) an event belongs to: a provider-scoped key and its display name.</summary>
[GenerateSerializer, Immutable, Alias("conversations.CampaignRef")]
public sealed record CampaignRef(
    [property: Id(0)] string Key,
    [property: Id(1)] string? Name);
