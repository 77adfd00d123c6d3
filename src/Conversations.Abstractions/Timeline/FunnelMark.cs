namespace Conversations.Abstractions.Timeline;

/// <summary>"This lead reached <paramref name="Stage"/> in this campaign": idempotent, written with the events that imply it.</summary>
[GenerateSerializer, Immutable, Alias("conversations.FunnelMark")]
public sealed record FunnelMark(
    [property: Id(0)] string CampaignKey,
    [property: Id(1)] string? CampaignName,
    [property: Id(2)] FunnelStage Stage);
