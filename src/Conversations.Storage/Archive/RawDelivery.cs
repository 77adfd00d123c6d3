namespace Conversations.Storage.Archive;

/// <summary>
/// A delivery as received: body bytes (with any credential the provider puts in the body redacted), content type,
/// a subset of headers that carries no credential, and what the service did with it (<c>accepted</c> or <c>ignored</c>).
/// </summary>
public sealed record RawDelivery(
    string Provider,
    DateTimeOffset ReceivedAt,
    string ContentType,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body,
    string Outcome);

/// <summary>A stored delivery and its archive id (increasing in arrival order).</summary>
public sealed record ArchivedDelivery(long Id, RawDelivery Delivery);

/// <summary>Which deliveries to read back: by provider and by received-at range (from inclusive, to exclusive).</summary>
public sealed record DeliveryFilter(string? Provider, DateTimeOffset? From, DateTimeOffset? To);
