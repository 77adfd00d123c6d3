using Orleans.Streams;

namespace Conversations.Grains.Streams;

public static class StoredItemPublishing
{
    /// <summary>
    /// Publishes items that are durable already, one by one. A failed publish is handed to <paramref name="failed"/> and
    /// does not fail the caller: the item is stored, and failing would have the provider deliver it again for nothing.
    /// Delivering at least once is the outbox's job (signals step 2).
    /// </summary>
    public static async Task PublishEachAsync<T>(this IAsyncStream<T> stream, IEnumerable<T> items, Action<T, Exception> failed)
    {
        foreach (var item in items)
        {
            try
            {
                await stream.OnNextAsync(item);
            }
            catch (Exception exception)
            {
                failed(item, exception);
            }
        }
    }
}
