using Conversations.Abstractions;
using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Timeline;

namespace Conversations.Storage;

/// <summary>
/// The rows of a group commit, flattened from many leads' appends, and the mapping of what the database
/// actually inserted back to each append.
/// </summary>
internal sealed class AppendBatch
{
    private readonly IReadOnlyList<TimelineAppend> _appends;

    public AppendBatch(IReadOnlyList<TimelineAppend> appends)
    {
        _appends = appends;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var signalIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var append in appends)
        {
            foreach (var @event in append.Events)
            {
                // The same id twice in one batch: the database would keep the first anyway; sending it once keeps the mapping exact.
                if (seen.Add(@event.EventId)) Events.Add(new EventRow(append.LeadId, append.ArrivedAs, @event));
            }
            if (append.Delivery is { } delivery) Deliveries.Add(delivery);
            foreach (var mark in append.FunnelMarks)
            {
                FunnelMarks.Add((mark.CampaignKey, StableNames<FunnelStage>.Of(mark.Stage), append.LeadId));
                if (mark.CampaignName is not null) CampaignNames[mark.CampaignKey] = mark.CampaignName;
                else CampaignNames.TryAdd(mark.CampaignKey, null);
            }
            foreach (var signal in append.Signals ?? [])
            {
                if (signalIds.Add(signal.Id)) Signals.Add(signal);
            }
            foreach (var alias in append.Claims ?? [])
            {
                Claims.Add(new ClaimRow(alias, append.LeadId, append.Events.Count > 0 ? append.Events[0].EventId : null));
            }
        }
        FunnelMarks = FunnelMarks.Distinct().ToList();
        // Sorted, so that concurrent transactions take the alias index's locks in one order and never deadlock on them.
        Claims = Claims.DistinctBy(claim => claim.Alias).OrderBy(claim => claim.Alias, StringComparer.Ordinal).ToList();
    }

    public List<EventRow> Events { get; } = [];

    /// <summary>The signals to store, each once.</summary>
    public List<Abstractions.Signals.Signal> Signals { get; } = [];

    /// <summary>The raw deliveries to archive in the same transaction, in the order of their appends.</summary>
    public List<RawDelivery> Deliveries { get; } = [];
    public List<(string CampaignKey, string Stage, string LeadId)> FunnelMarks { get; private set; } = [];
    public Dictionary<string, string?> CampaignNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Aliases to link, one row per alias (the batch holds no two claims of one alias, see <see cref="RouteCheckedCommit"/>).</summary>
    public List<ClaimRow> Claims { get; private set; } = [];

    /// <summary>The leads whose history is asked for, and the largest limit asked.</summary>
    public (string[] LeadIds, int Limit) HistoryRequest =>
        (_appends.Where(a => a.HistoryLimit > 0).Select(a => a.LeadId).Distinct().ToArray(),
         _appends.Select(a => a.HistoryLimit).DefaultIfEmpty(0).Max());

    /// <summary>The leads of the batch, each once, in ordinal order.</summary>
    public string[] LeadIds => _appends.Select(a => a.LeadId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The claimed aliases the database did not insert: each is held by a lead already, this one or another.</summary>
    public IEnumerable<string> UnclaimedAliases(IReadOnlySet<string> inserted) =>
        Claims.Select(claim => claim.Alias).Where(alias => !inserted.Contains(alias));

    /// <summary>
    /// The appends (by index) that claimed an alias that did not take, given the aliases the database inserted and,
    /// for the others, the lead that holds each: a claim of an alias that its own lead already holds takes.
    /// </summary>
    public IEnumerable<int> LosingClaims(IReadOnlySet<string> inserted, IReadOnlyDictionary<string, string> holders)
    {
        var lost = Claims.Where(claim => !inserted.Contains(claim.Alias)
            && (!holders.TryGetValue(claim.Alias, out var holder) || holder != claim.LeadId)).ToList();
        return Indexes(append => lost.Any(claim => claim.LeadId == append.LeadId && (append.Claims?.Contains(claim.Alias) ?? false)));
    }

    /// <summary>The appends (by index) to leads that were merged into another.</summary>
    public IEnumerable<int> ToAbsorbedLeads(IReadOnlyDictionary<string, LeadLineage> lineage) =>
        Indexes(append => lineage.TryGetValue(append.LeadId, out var row) && row.MergedInto is not null);

    /// <summary>
    /// The aliases to look up before committing appends to leads that took part in a merge or unmerge (they have a
    /// lineage): the alias each arrived under. One that another lead holds now was moved after the route was made
    /// (<see cref="ArrivedElsewhere"/>).
    /// </summary>
    public IEnumerable<string> ArrivalAliasesToCheck(IReadOnlyDictionary<string, LeadLineage> lineage) =>
        _appends.Where(append => lineage.ContainsKey(append.LeadId)).Select(append => append.ArrivedAs).Distinct(StringComparer.Ordinal);

    /// <summary>The appends (by index) whose arrival alias is held by another lead.</summary>
    public IEnumerable<int> ArrivedElsewhere(IReadOnlyDictionary<string, string> holders) =>
        Indexes(append => holders.TryGetValue(append.ArrivedAs, out var holder) && holder != append.LeadId);

    private IEnumerable<int> Indexes(Func<TimelineAppend, bool> predicate) =>
        Enumerable.Range(0, _appends.Count).Where(i => predicate(_appends[i]));

    /// <summary>
    /// What a committed attempt stored for subscribers: the events it inserted (in position order) and the signals it
    /// inserted, under the attempt's outbox id; null when it stored neither.
    /// </summary>
    public OutboxEntry? OutboxEntry(Guid outboxId, IReadOnlyDictionary<string, long> insertedPositions, IReadOnlySet<string> insertedSignals)
    {
        var events = Events.Where(row => insertedPositions.ContainsKey(row.Event.EventId))
            .OrderBy(row => insertedPositions[row.Event.EventId])
            .Select(row => new OutboxEvent(row.LeadId, row.Event)).ToList();
        var signals = Signals.Where(signal => insertedSignals.Contains(signal.Id)).ToList();
        return events.Count == 0 && signals.Count == 0 ? null : new OutboxEntry(outboxId, events, signals);
    }

    /// <summary>
    /// Per append, in order: the entries the database inserted (given the positions it returned by event id),
    /// the history read for its lead, cut to the limit that append asked for, its lead's generation, and its signals
    /// the database inserted.
    /// </summary>
    public IReadOnlyList<AppendOutcome> Results(
        IReadOnlyDictionary<string, long> insertedPositions,
        IReadOnlyDictionary<string, List<TimelineEntry>> historyByLead,
        IReadOnlyDictionary<string, LeadLineage> lineage,
        IReadOnlySet<string>? insertedSignals = null)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var signalled = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<AppendOutcome>(_appends.Count);
        foreach (var append in _appends)
        {
            var inserted = new List<TimelineEntry>();
            foreach (var @event in append.Events)
            {
                if (insertedPositions.TryGetValue(@event.EventId, out var position) && claimed.Add(@event.EventId))
                    inserted.Add(new TimelineEntry(position, @event));
            }
            IReadOnlyList<TimelineEntry> history = append.HistoryLimit > 0 && historyByLead.TryGetValue(append.LeadId, out var entries)
                ? entries.Skip(Math.Max(0, entries.Count - append.HistoryLimit)).ToList()
                : [];
            var signals = append.Signals?.Where(signal => (insertedSignals?.Contains(signal.Id) ?? false) && signalled.Add(signal.Id)).ToList();
            results.Add(new AppendOutcome(inserted, history, Generation: lineage.TryGetValue(append.LeadId, out var row) ? row.Generation : 0, Signals: signals));
        }
        return results;
    }

    public sealed record EventRow(string LeadId, string ArrivedAs, Abstractions.Events.ConversationEvent Event)
    {
        public string Kind => StableNames<Abstractions.Events.EventKind>.Of(Event.Kind);
    }

    /// <summary>Link <paramref name="Alias"/> to <paramref name="LeadId"/>, first carried by event <paramref name="EventId"/>.</summary>
    public sealed record ClaimRow(string Alias, string LeadId, string? EventId);
}
