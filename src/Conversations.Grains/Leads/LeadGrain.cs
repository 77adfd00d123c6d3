using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Streams;
using Conversations.Abstractions.Timeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Orleans.Streams;

namespace Conversations.Grains.Leads;

/// <summary>
/// The single writer of one lead's timeline. Appends go to the durable log first (which decides, by event id,
/// what is new); only then is the state updated and the new events published.
/// </summary>
/// <remarks>
/// State is restored lazily from the lead's latest <see cref="ReplayLimit"/> log entries: read within the
/// first append's own transaction when an append is the first call (the common case, and then activation
/// costs no read of its own), or by a read of its own before anything else. Most leads have fewer entries,
/// and then those are the whole history. Longer timelines are restored from the snapshot (Orleans grain
/// storage) plus the log entries after it. The snapshot is written once that many entries are not yet
/// covered by it, so replay stays bounded and a busy lead does not write its state on every event.
/// A merge or unmerge moves rows into or out of the log with the positions they had, so state built before it is
/// rebuilt from the whole log: every append learns the lead's generation in its transaction, and a snapshot of
/// another generation is not used.
/// </remarks>
public sealed partial class LeadGrain(ITimelineStore timeline, ILogger<LeadGrain> logger) : Grain, ILeadGrain
{
    internal const int ReplayLimit = 64;
    private const string SnapshotStateName = "lead";

    private readonly GrainState<LeadSnapshot> _snapshot = new(new LeadSnapshot());
    private bool _restored;
    private bool _snapshotLoaded;
    private int _eventsSinceSnapshot;
    private IGrainStorage _snapshotStorage = null!;
    private IAsyncStream<ConversationEvent> _stream = null!;

    private string LeadId => this.GetPrimaryKeyString();
    private LeadSnapshot State => _snapshot.State ??= new LeadSnapshot();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _snapshotStorage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.LeadSnapshots);
        _stream = this.GetStreamProvider(StreamNames.Provider).GetStream<ConversationEvent>(
            StreamId.Create(StreamNames.EventsNamespace, StreamNames.PartitionOf(LeadId)));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_restored && _eventsSinceSnapshot >= ReplayLimit) await WriteSnapshotAsync();
    }

    public async Task<AppendResult> AppendAsync(LeadAppend append)
    {
        var events = append.Events;
        // Replies and classifications look at earlier replies (campaign, sentiment): those need the state first.
        if (!_restored && events.Any(e => e.IsReply || e.Kind == EventKind.ReplyClassified)) await RestoreAsync();

        var offered = events.DistinctBy(e => e.EventId).Select(WithKnownCampaign).ToList();
        AppendOutcome outcome;
        try
        {
            outcome = await timeline.AppendAsync(new TimelineAppend(
                LeadId, append.ArrivedAs, offered, FunnelMarks.For(State, offered),
                HistoryLimit: _restored ? 0 : ReplayLimit, Delivery: append.Delivery, Claims: append.Claims));
        }
        catch
        {
            // The commit may or may not have happened: rebuild from the log on the next activation.
            DeactivateOnIdle();
            throw;
        }
        // Resolved again by the caller. Not deactivated: appends queued behind this one would be refused on the way.
        if (outcome.Misrouted) return AppendResult.Lost;

        if (!_restored) await RestoreAsync(outcome.History, outcome.Generation);
        else if (outcome.Generation != State.Generation) await RebuildAsync(outcome.Generation);
        Apply(outcome.Applied);
        await PublishAsync(outcome.Applied);
        if (_eventsSinceSnapshot >= ReplayLimit) await WriteSnapshotAsync();
        return new AppendResult(outcome.Applied.Count, events.Count - outcome.Applied.Count);
    }

    public async Task<LeadView?> GetAsync()
    {
        if (!_restored) await RestoreAsync();
        return State.EventCount == 0 ? null : LeadProjection.ToView(LeadId, State);
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync() => timeline.ReadAsync(LeadId);

    public Task ReloadAsync()
    {
        _snapshot.State = new LeadSnapshot();
        _snapshotLoaded = false;
        _eventsSinceSnapshot = 0;
        _restored = false;
        return Task.CompletedTask;
    }

    private async Task RestoreAsync() => await RestoreAsync(await timeline.ReadLatestAsync(LeadId, ReplayLimit), generation: null);

    /// <param name="latest">The lead's latest entries, at most <see cref="ReplayLimit"/>, in position order.</param>
    /// <param name="generation">The lead's generation, when the read of <paramref name="latest"/> learned it.</param>
    private async Task RestoreAsync(IReadOnlyList<TimelineEntry> latest, int? generation)
    {
        if (latest.Count < ReplayLimit)
        {
            // The whole timeline: right at any generation. Unknown, it is taken as 0, and a later append that learns
            // otherwise rebuilds once.
            Apply(latest);
            State.Generation = generation ?? 0;
        }
        else
        {
            await LoadSnapshotAsync();
            var current = generation ?? await timeline.GenerationOfAsync(LeadId);
            // Built before a merge or unmerge moved rows (with their old positions): replay the whole log instead.
            if (State.Generation != current) _snapshot.State = new LeadSnapshot { Generation = current };
            Apply(await timeline.ReadAsync(LeadId, State.Position));
        }
        _restored = true;
    }

    /// <summary>Rows moved into or out of this lead since its state was built: build it again from the whole log.</summary>
    private async Task RebuildAsync(int generation)
    {
        _snapshot.State = new LeadSnapshot { Generation = generation };
        _eventsSinceSnapshot = 0;
        Apply(await timeline.ReadAsync(LeadId));
    }

    private void Apply(IReadOnlyList<TimelineEntry> entries)
    {
        // Entries may come in occurred-at order, not position order: compare with where the state stood before.
        var covered = State.Position;
        foreach (var entry in entries)
        {
            if (entry.Position <= covered) continue;
            LeadProjection.Apply(State, entry);
            _eventsSinceSnapshot++;
        }
    }

    /// <summary>A classification often omits the campaign; it is the campaign of the reply it classifies.</summary>
    private ConversationEvent WithKnownCampaign(ConversationEvent @event) =>
        @event is { Kind: EventKind.ReplyClassified, Campaign: null, MessageId: { } messageId }
        && State.Replies.TryGetValue(messageId, out var reply) && reply.CampaignKey is { } campaignKey
            ? @event with { Campaign = new CampaignRef(campaignKey, reply.CampaignName) }
            : @event;

    private async Task PublishAsync(IReadOnlyList<TimelineEntry> applied)
    {
        foreach (var entry in applied)
        {
            try
            {
                await _stream.OnNextAsync(entry.Event);
            }
            catch (Exception exception)
            {
                // The event is durable in the log; a failed publish must not fail the append (and cause a redelivery).
                LogPublishFailed(logger, exception, entry.Event.EventId, LeadId);
            }
        }
    }

    private async Task LoadSnapshotAsync()
    {
        await _snapshotStorage.ReadStateAsync(SnapshotStateName, this.GetGrainId(), _snapshot);
        _snapshot.State ??= new LeadSnapshot();
        _snapshotLoaded = true;
    }

    private async Task WriteSnapshotAsync()
    {
        try
        {
            if (!_snapshotLoaded)
            {
                // The ETag of a stored snapshot is needed to replace it; keep the state rebuilt from the log.
                var current = _snapshot.State;
                await LoadSnapshotAsync();
                _snapshot.State = current;
            }
            await _snapshotStorage.WriteStateAsync(SnapshotStateName, this.GetGrainId(), _snapshot);
            _eventsSinceSnapshot = 0;
        }
        catch (Exception exception)
        {
            // Losing a snapshot costs only replay time on the next activation.
            LogSnapshotFailed(logger, exception, LeadId);
            _snapshotLoaded = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing event {EventId} of lead {LeadId} failed; it is stored")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string eventId, string leadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the snapshot of lead {LeadId} failed; it will be rebuilt from the log")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string leadId);
}
