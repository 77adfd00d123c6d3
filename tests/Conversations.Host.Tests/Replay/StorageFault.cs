using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Storage.Archive;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Host.Tests.Replay;

/// <summary>A switch a test flips to make the archive's reads or the timeline's appends fail, as a lost disk or database would.</summary>
public sealed class StorageFault
{
    /// <summary>Archive reads that start after this delivery id, or a later one, fail; null: none fail.</summary>
    public long? ArchiveReadsFailPastId { get; set; }

    public bool TimelineAppendsFail { get; set; }

    /// <summary>Timeline appends are refused for what they hold, as a store refuses a value it cannot keep.</summary>
    public bool TimelineAppendsRefused { get; set; }

    /// <summary>Every timeline and lead directory read, and the store's ping, fail: the store cannot be reached.</summary>
    public bool TimelineReadsFail { get; set; }

    /// <summary>Wraps the host's archive and timeline store so that they fail while the switch says so.</summary>
    public void Install(IServiceCollection services)
    {
        Decorate<IDeliveryArchive>(services, inner => new FaultyArchive(inner, this));
        Decorate<ITimelineStore>(services, inner => new FaultyTimeline(inner, this));
        Decorate<ILeadDirectory>(services, inner => new FaultyDirectory(inner, this));
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.AddSingleton(sp => wrap((T)(original.ImplementationInstance ?? original.ImplementationFactory!(sp))));
    }

    private static InvalidOperationException Failure() => new("Injected storage failure.");

    private sealed class FaultyArchive(IDeliveryArchive inner, StorageFault fault) : IDeliveryArchive, IAsyncDisposable
    {
        public Task<long> StoreAsync(RawDelivery delivery, CancellationToken cancellationToken = default) =>
            inner.StoreAsync(delivery, cancellationToken);

        public Task<IReadOnlyList<ArchivedDelivery>> ReadAsync(DeliveryFilter filter, long afterId, int limit, CancellationToken cancellationToken = default) =>
            afterId >= fault.ArchiveReadsFailPastId ? throw Failure() : inner.ReadAsync(filter, afterId, limit, cancellationToken);

        public Task<int> DeleteReceivedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
            inner.DeleteReceivedBeforeAsync(cutoff, cancellationToken);

        public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }

    private sealed class FaultyDirectory(ILeadDirectory inner, StorageFault fault) : ILeadDirectory, IAsyncDisposable
    {
        public Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> aliases, CancellationToken cancellationToken = default) =>
            fault.TimelineReadsFail ? throw Failure() : inner.FindAsync(aliases, cancellationToken);

        public Task<IReadOnlyList<string>> AliasesOfAsync(string leadId, CancellationToken cancellationToken = default) =>
            fault.TimelineReadsFail ? throw Failure() : inner.AliasesOfAsync(leadId, cancellationToken);

        public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }

    private sealed class FaultyTimeline(ITimelineStore inner, StorageFault fault) : ITimelineStore, IAsyncDisposable
    {
        public Task<AppendOutcome> AppendAsync(TimelineAppend append, CancellationToken cancellationToken = default) =>
            fault.TimelineAppendsFail ? throw Failure()
            : fault.TimelineAppendsRefused ? throw new ValueRefusedByStoreException("Injected refusal: the store cannot keep a value of this delivery.")
            : inner.AppendAsync(append, cancellationToken);

        public Task<IReadOnlyList<TimelineEntry>> ReadAsync(string leadKey, long afterPosition = 0, CancellationToken cancellationToken = default) =>
            fault.TimelineReadsFail ? throw Failure() : inner.ReadAsync(leadKey, afterPosition, cancellationToken);

        public Task<TimelinePage> ReadPageAsync(string leadKey, TimelineCursor? after, int limit, CancellationToken cancellationToken = default) =>
            fault.TimelineReadsFail ? throw Failure() : inner.ReadPageAsync(leadKey, after, limit, cancellationToken);

        public Task<bool> ExistsAsync(string leadKey, CancellationToken cancellationToken = default) =>
            fault.TimelineReadsFail ? throw Failure() : inner.ExistsAsync(leadKey, cancellationToken);

        public Task<IReadOnlyList<TimelineEntry>> ReadLatestAsync(string leadKey, int limit, CancellationToken cancellationToken = default) =>
            fault.TimelineReadsFail ? throw Failure() : inner.ReadLatestAsync(leadKey, limit, cancellationToken);

        public Task<IReadOnlyList<Abstractions.Signals.Signal>> ReadLeadSignalsAsync(string leadId, CancellationToken cancellationToken = default) =>
            fault.TimelineReadsFail ? throw Failure() : inner.ReadLeadSignalsAsync(leadId, cancellationToken);

        public Task<IReadOnlyList<Abstractions.Signals.Signal>> ReadCampaignSignalsAsync(string campaignKey, CancellationToken cancellationToken = default) =>
            fault.TimelineReadsFail ? throw Failure() : inner.ReadCampaignSignalsAsync(campaignKey, cancellationToken);

        public Task<int> GenerationOfAsync(string leadId, CancellationToken cancellationToken = default) =>
            fault.TimelineReadsFail ? throw Failure() : inner.GenerationOfAsync(leadId, cancellationToken);

        public Task<CampaignFunnel?> ReadCampaignAsync(string campaignKey, CancellationToken cancellationToken = default) =>
            fault.TimelineReadsFail ? throw Failure() : inner.ReadCampaignAsync(campaignKey, cancellationToken);

        public Task PingAsync(CancellationToken cancellationToken = default) =>
            fault.TimelineReadsFail ? throw Failure() : inner.PingAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }
}
