using Conversations.Abstractions.Timeline;

namespace Conversations.Storage.Archive;

/// <summary>
/// Every accepted delivery, kept as received before it is acknowledged, so that it can be replayed through
/// newer normalizers. Writes are group-committed like the timeline.
/// </summary>
public interface IDeliveryArchive
{
    /// <summary>Stores the delivery; when the task completes it is durable. Returns its archive id.</summary>
    Task<long> StoreAsync(RawDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> deliveries matching the filter with an id above <paramref name="afterId"/>, in id order.</summary>
    Task<IReadOnlyList<ArchivedDelivery>> ReadAsync(DeliveryFilter filter, long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Deletes deliveries received before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteReceivedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
