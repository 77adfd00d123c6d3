namespace Conversations.Abstractions.Signals;

/// <summary>Something a lead's timeline shows that internal services act on ("positive reply", "hot lead", ...).</summary>
/// <param name="Id">Deterministic: the same signal found again has the same id, and is stored once.</param>
/// <param name="Type">What it says (a name from the signal types, e.g. <c>positive-reply</c>).</param>
/// <param name="LeadId">The lead it is about.</param>
/// <param name="CampaignKey">The campaign of the event it rests on last, if any.</param>
/// <param name="Evidence">The ids of the events it rests on, in occurred-at order.</param>
/// <param name="OccurredAt">When what it says happened (its last piece of evidence, by the provider's clock).</param>
/// <param name="DetectedAt">When this service found it.</param>
[GenerateSerializer, Immutable, Alias("conversations.Signal")]
public sealed record Signal(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string LeadId,
    [property: Id(3)] string? CampaignKey,
    [property: Id(4)] IReadOnlyList<string> Evidence,
    [property: Id(5)] DateTimeOffset OccurredAt,
    [property: Id(6)] DateTimeOffset DetectedAt);
