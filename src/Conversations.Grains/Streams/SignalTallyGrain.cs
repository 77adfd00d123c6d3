using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Streams;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Conversations.Grains.Streams;

/// <summary>
/// The sample of an in-cluster consumer: an implicit subscription to <see cref="StreamNames.SignalsByTypeNamespace"/>
/// activates one of these per signal type (the stream's key is the grain's) as soon as a signal of that type is
/// published, with no subscription call anywhere. Delivery is at least once, so it dedupes on the signal's id over a
/// bounded window of recent ids. Its count lives in memory: a consumer that must not lose count stores it.
/// </summary>
[ImplicitStreamSubscription(StreamNames.SignalsByTypeNamespace)]
public sealed class SignalTallyGrain : Grain, ISignalTallyGrain, IStreamSubscriptionObserver
{
    private const int RecentIdsKept = 4_096;
    private readonly HashSet<string> _recentIds = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();
    private long _received;
    private string? _lastSignalId;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<Signal>().ResumeAsync((signal, _) =>
        {
            Count(signal);
            return Task.CompletedTask;
        });

    public Task<SignalTally> GetAsync() => Task.FromResult(new SignalTally(this.GetPrimaryKeyString(), _received, _lastSignalId));

    private void Count(Signal signal)
    {
        if (!_recentIds.Add(signal.Id)) return;
        _recentOrder.Enqueue(signal.Id);
        if (_recentOrder.Count > RecentIdsKept) _recentIds.Remove(_recentOrder.Dequeue());
        _received++;
        _lastSignalId = signal.Id;
    }
}
