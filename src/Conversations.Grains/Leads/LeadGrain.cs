using Conversations.Abstractions;
using Conversations.Abstractions.Campaigns;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Timeline;
using Conversations.Grains.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Conversations.Grains.Leads;

/// <summary>
/// The single writer of one lead's timeline. Appends go to the durable log first (which decides, by event id,
/// what is new, and records it in the stream outbox for the relay to publish); only then is the state updated.
/// </summary>
/// <remarks>
/// State is restored lazily from the lead's latest <see cref="ReplayLimit"/> log entries, by a read of its own
/// before the first call; for a lead just made for the events it appends (<see cref="LeadAppend.NewLead"/>, the common
/// case at a high rate of new people) within that append's own transaction instead, which confirms that it has no
/// history at no extra round trip. Most leads have fewer entries,
/// and then those are the whole history. Longer timelines are restored from the snapshot (Orleans grain
/// storage) plus the log entries after it. The snapshot is written once that many entries are not yet
/// covered by it, so replay stays bounded and a busy lead does not write its state on every event.
/// A merge or unmerge moves rows into or out of the log with the positions they had, so state built before it is
/// rebuilt from the whole log: every append learns the lead's generation in its transaction, and a snapshot of
/// another generation is not used.
///
/// The signal rules (<see cref="SignalDetector"/>) run before the commit, over the lead's whole history as kept in its
/// state, so the signals commit with the events that trigger them. That needs the state before the commit, except for a
/// lead just made for the events (<see cref="LeadAppend.NewLead"/>). When the state turns out to have been out of date
/// (a merge moved rows in, or a lead thought new had history), the rules run again over the whole timeline after the
/// commit and store what was missed.
/// </remarks>
public sealed partial class LeadGrain(ITimelineStore timeline, SignalDetector detector, TimeProvider clock, ILogger<LeadGrain> logger)
    : Grain, ILeadGrain
{
    internal const int ReplayLimit = 64;
    private const string SnapshotStateName = "lead";

    private readonly GrainState<LeadSnapshot> _snapshot = new(new LeadSnapshot());
    private bool _restored;
    private bool _snapshotLoaded;
    private int _eventsSinceSnapshot;
    private IGrainStorage _snapshotStorage = null!;
    /// <summary>The offered events the rules looked at in this append, so a reply's text is read once.</summary>
    private Dictionary<string, SignalEvent>? _offeredSignalEvents;

    private string LeadId => this.GetPrimaryKeyString();
    private LeadSnapshot State => _snapshot.State ??= new LeadSnapshot();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _snapshotStorage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.LeadSnapshots);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_restored && _eventsSinceSnapshot >= ReplayLimit) await WriteSnapshotAsync();
    }

    public async Task<AppendResult> AppendAsync(LeadAppend append)
    {
        var events = append.Events;
        // The rules, and replies' campaigns, look at the lead's history: restore it first, unless the lead is new.
        if (!_restored && !append.NewLead) await RestoreAsync();

        var offered = events.DistinctBy(e => e.EventId).Select(WithKnownCampaign).ToList();
        var signals = DetectSignals(offered);
        AppendOutcome outcome;
        try
        {
            outcome = await timeline.AppendAsync(new TimelineAppend(
                LeadId, append.ArrivedAs, offered, FunnelMarks.For(State, offered, TextIntentOf),
                HistoryLimit: _restored ? 0 : ReplayLimit, Delivery: append.Delivery, Claims: append.Claims, Signals: signals));
        }
        catch
        {
            // The commit may or may not have happened: rebuild from the log on the next activation.
            _offeredSignalEvents = null;
            DeactivateOnIdle();
            throw;
        }
        // Resolved again by the caller. Not deactivated: appends queued behind this one would be refused on the way.
        if (outcome.Misrouted)
        {
            _offeredSignalEvents = null;
            return AppendResult.Lost;
        }

        var stale = false;
        if (!_restored)
        {
            await RestoreAsync(outcome.History, outcome.Generation);
            stale = outcome.History.Count > 0;
        }
        else if (outcome.Generation != State.Generation)
        {
            await RebuildAsync(outcome.Generation);
            stale = true;
        }
        Apply(outcome.Applied);
        _offeredSignalEvents = null;
        // What the commit stored is in the stream outbox: the relay publishes it (OutboxRelay).
        if (stale) await TryStoreMissedSignalsAsync();
        AskCampaignAlarms(outcome.Applied);
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
            // Built before a merge or unmerge moved rows (with their old positions), or by a release that kept less in it:
            // replay the whole log instead.
            if (State.Generation != current || State.Content != LeadSnapshot.CurrentContent) _snapshot.State = new LeadSnapshot { Generation = current };
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
            var signalEvent = _offeredSignalEvents?.GetValueOrDefault(entry.Event.EventId) ?? SignalEvent.From(entry.Event, detector.Classifier);
            if (signalEvent is not null) State.SignalEvents[signalEvent.EventId] = signalEvent;
            _eventsSinceSnapshot++;
        }
    }

    /// <summary>The signals the offered events trigger, given the history in the state (events it holds are not new).</summary>
    private IReadOnlyList<Signal>? DetectSignals(IReadOnlyList<ConversationEvent> offered)
    {
        _offeredSignalEvents = null;
        foreach (var @event in offered)
        {
            if (!State.SignalEvents.ContainsKey(@event.EventId) && SignalEvent.From(@event, detector.Classifier) is { } signalEvent)
                (_offeredSignalEvents ??= new(StringComparer.Ordinal))[@event.EventId] = signalEvent;
        }
        if (_offeredSignalEvents is not { } news) return null;
        var found = detector.Detect(State.SignalEvents.Values.Concat(news.Values), news.Keys.ToHashSet(StringComparer.Ordinal));
        return found.Count == 0 ? null : found.Select(ToSignal).ToList();
    }

    /// <summary>What a reply's text says, as the rules read it already (a reply's text is classified once).</summary>
    private ReplyIntent TextIntentOf(ConversationEvent reply) =>
        (_offeredSignalEvents?.GetValueOrDefault(reply.EventId) ?? State.SignalEvents.GetValueOrDefault(reply.EventId))?.TextIntent
        ?? detector.Classifier.Classify(reply.Subject, reply.Text).Intent;

    /// <summary>The events are committed by now: failing here would have the provider send them again for nothing.</summary>
    private async Task TryStoreMissedSignalsAsync()
    {
        try
        {
            await StoreMissedSignalsAsync();
        }
        catch (Exception exception)
        {
            LogMissedSignalsFailed(logger, exception, LeadId);
        }
    }

    /// <summary>
    /// After the state was found out of date: the signals of the whole timeline that are not stored yet. A signal a lead
    /// has once is not stored again when the lead holds one of its type already (a merge brought it).
    /// </summary>
    private async Task StoreMissedSignalsAsync()
    {
        var found = detector.Detect(State.SignalEvents.Values, State.SignalEvents.Keys.ToHashSet(StringComparer.Ordinal));
        if (found.Count == 0) return;
        var held = await timeline.ReadLeadSignalsAsync(LeadId);
        var heldIds = held.Select(signal => signal.Id).ToHashSet(StringComparer.Ordinal);
        var heldTypes = held.Select(signal => signal.Type).ToHashSet(StringComparer.Ordinal);
        var missed = found.Where(signal => !(signal.Anchor == DetectedSignal.OncePerLead && heldTypes.Contains(signal.Type)))
            .Select(ToSignal).Where(signal => !heldIds.Contains(signal.Id)).ToList();
        // Merged into another lead meanwhile (the outcome is misrouted): that lead's grain runs the rules over both timelines.
        if (missed.Count > 0) await timeline.AppendAsync(new TimelineAppend(LeadId, LeadId, [], [], Signals: missed));
    }

    private Signal ToSignal(DetectedSignal found) => new(
        SignalId.Of(found.Type, LeadId, found.Anchor), found.Type, LeadId, found.CampaignKey, found.Evidence, found.OccurredAt, clock.GetUtcNow());

    /// <summary>A classification often omits the campaign; it is the campaign of the reply it classifies.</summary>
    private ConversationEvent WithKnownCampaign(ConversationEvent @event) =>
        @event is { Kind: EventKind.ReplyClassified, Campaign: null, MessageId: { } messageId }
        && State.Replies.TryGetValue(messageId, out var reply) && reply.CampaignKey is { } campaignKey
            ? @event with { Campaign = new CampaignRef(campaignKey, reply.CampaignName) }
            : @event;

    /// <summary>A bounce or an unsubscribe may raise its campaign's rate over a threshold: the campaign checks, without this append waiting.</summary>
    private void AskCampaignAlarms(IReadOnlyList<TimelineEntry> applied)
    {
        foreach (var entry in applied)
        {
            if (entry.Event is { Kind: EventKind.Bounced or EventKind.Unsubscribed, Campaign: { } campaign } @event)
                _ = GrainFactory.GetGrain<ICampaignAlarmGrain>(campaign.Key).CheckAsync(new CampaignAlarmTrigger(LeadId, @event.EventId, @event.OccurredAt));
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
            State.Content = LeadSnapshot.CurrentContent;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing the signals of lead {LeadId} found after its merge or reactivation failed; its events are stored, those signals are not")]
    private static partial void LogMissedSignalsFailed(ILogger logger, Exception exception, string leadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the snapshot of lead {LeadId} failed; it will be rebuilt from the log")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string leadId);
}
