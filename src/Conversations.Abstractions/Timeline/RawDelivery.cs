namespace Conversations.Abstractions.Timeline;

/// <summary>
/// A delivery as received: body bytes (with any credential the provider puts in the body redacted), content type,
/// a subset of headers that carries no credential, and what the service did with it (<c>accepted</c> or <c>ignored</c>).
/// An accepted delivery travels with its events to the lead grain, so that the archive row and the timeline rows
/// are committed in one transaction.
/// </summary>
[GenerateSerializer, Immutable, Alias("conversations.RawDelivery")]
public sealed record RawDelivery(
    [property: Id(0)] string Provider,
    [property: Id(1)] DateTimeOffset ReceivedAt,
    [property: Id(2)] string ContentType,
    [property: Id(3)] IReadOnlyDictionary<string, string> Headers,
    [property: Id(4)] ReadOnlyMemory<byte> Body,
    [property: Id(5)] string Outcome);
