using Conversations.Abstractions.Timeline;

namespace Conversations.Storage.Archive;

/// <summary>A stored delivery and its archive id (increasing in arrival order).</summary>
public sealed record ArchivedDelivery(long Id, RawDelivery Delivery);

/// <summary>Which deliveries to read back: by provider and by received-at range (from inclusive, to exclusive).</summary>
public sealed record DeliveryFilter(string? Provider, DateTimeOffset? From, DateTimeOffset? To);
