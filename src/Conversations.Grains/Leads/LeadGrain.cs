using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Streams;
using Conversations.Abstractions.Timeline;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Conversations.Grains.Leads;

/// <summary>
/// The single writer of one lead's timeline. Appends go to the durable log first (which decides, by event id,
/// what is new); only then is the snapshot updated and the new events published. The snapshot is written
/// lazily: after a crash, activation replays the log past the snapshot's position.
/// </summary>
public sealed partial class LeadGrain(
    [PersistentState("lead", StorageNames.LeadSnapshots)] IPersistentState<LeadSnapshot> snapshot,
    ITimelineStore timeline,
    ILogger<LeadGrain> logger) : Grain, ILeadGrain
{
    private static readonly TimeSpan SnapshotInterval = TimeSpan.FromSeconds(30);

    private bool _snapshotDirty;
    private IAsyncStream<ConversationEvent>? _stream;

    private string LeadKey => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await timeline.ReadAsync(LeadKey, snapshot.State.Position, cancellationToken))
        {
            LeadProjection.Apply(snapshot.State, entry);
            _snapshotDirty = true;
        }
        _stream = this.GetStreamProvider(StreamNames.Provider)
            .GetStream<ConversationEvent>(StreamId.Create(StreamNames.LeadEventsNamespace, LeadKey));
        this.RegisterGrainTimer(WriteSnapshotIfDirtyAsync, SnapshotInterval, SnapshotInterval);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await WriteSnapshotIfDirtyAsync(cancellationToken);
    }

    public async Task<AppendResult> AppendAsync(IReadOnlyList<ConversationEvent> events)
    {
        var offered = events.DistinctBy(e => e.EventId).Select(WithKnownCampaign).ToList();
        IReadOnlyList<TimelineEntry> applied;
        try
        {
            applied = await timeline.AppendAsync(new TimelineAppend(LeadKey, offered, FunnelMarks.For(snapshot.State, offered)));
        }
        catch
        {
            // The commit may or may not have happened: rebuild from the log on the next activation.
            DeactivateOnIdle();
            throw;
        }

        foreach (var entry in applied) LeadProjection.Apply(snapshot.State, entry);
        _snapshotDirty |= applied.Count > 0;
        await PublishAsync(applied);
        return new AppendResult(applied.Count, events.Count - applied.Count);
    }

    public Task<LeadView?> GetAsync() =>
        Task.FromResult(snapshot.State.EventCount == 0 ? null : LeadProjection.ToView(LeadKey, snapshot.State));

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync() => timeline.ReadAsync(LeadKey);

    /// <summary>A classification often omits the campaign; it is the campaign of the reply it classifies.</summary>
    private ConversationEvent WithKnownCampaign(ConversationEvent @event) =>
        @event is { Kind: EventKind.ReplyClassified, Campaign: null, MessageId: { } messageId }
        && snapshot.State.Replies.TryGetValue(messageId, out var reply) && reply.CampaignKey is { } campaignKey
            ? @event with { Campaign = new CampaignRef(campaignKey, reply.CampaignName) }
            : @event;

    private async Task PublishAsync(IReadOnlyList<TimelineEntry> applied)
    {
        foreach (var entry in applied)
        {
            try
            {
                await _stream!.OnNextAsync(entry.Event);
            }
            catch (Exception exception)
            {
                // The event is durable in the log; a failed publish must not fail the append (and cause a redelivery).
                LogPublishFailed(logger, exception, entry.Event.EventId, LeadKey);
            }
        }
    }

    private async Task WriteSnapshotIfDirtyAsync(CancellationToken cancellationToken)
    {
        if (!_snapshotDirty) return;
        try
        {
            await snapshot.WriteStateAsync(cancellationToken);
            _snapshotDirty = false;
        }
        catch (Exception exception)
        {
            // Losing a snapshot costs only replay time on the next activation.
            LogSnapshotFailed(logger, exception, LeadKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing event {EventId} of lead {LeadKey} failed; it is stored")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string eventId, string leadKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the snapshot of lead {LeadKey} failed; it will be rebuilt from the log")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string leadKey);
}
