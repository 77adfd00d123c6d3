using Conversations.Abstractions;
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
        foreach (var append in appends)
        {
            foreach (var @event in append.Events)
            {
                // The same id twice in one batch: the database would keep the first anyway; sending it once keeps the mapping exact.
                if (seen.Add(@event.EventId)) Events.Add(new EventRow(append.LeadKey, @event));
            }
            if (append.Delivery is { } delivery) Deliveries.Add(delivery);
            foreach (var mark in append.FunnelMarks)
            {
                FunnelMarks.Add((mark.CampaignKey, StableNames<FunnelStage>.Of(mark.Stage), append.LeadKey));
                if (mark.CampaignName is not null) CampaignNames[mark.CampaignKey] = mark.CampaignName;
                else CampaignNames.TryAdd(mark.CampaignKey, null);
            }
        }
        FunnelMarks = FunnelMarks.Distinct().ToList();
    }

    public List<EventRow> Events { get; } = [];

    /// <summary>The raw deliveries to archive in the same transaction, in the order of their appends.</summary>
    public List<RawDelivery> Deliveries { get; } = [];
    public List<(string CampaignKey, string Stage, string LeadKey)> FunnelMarks { get; private set; } = [];
    public Dictionary<string, string?> CampaignNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The leads whose history is asked for, and the largest limit asked.</summary>
    public (string[] LeadKeys, int Limit) HistoryRequest =>
        (_appends.Where(a => a.HistoryLimit > 0).Select(a => a.LeadKey).Distinct().ToArray(),
         _appends.Select(a => a.HistoryLimit).DefaultIfEmpty(0).Max());

    /// <summary>
    /// Per append, in order: the entries the database inserted (given the positions it returned by event id),
    /// and the history read for its lead, cut to the limit that append asked for.
    /// </summary>
    public IReadOnlyList<AppendOutcome> Results(
        IReadOnlyDictionary<string, long> insertedPositions,
        IReadOnlyDictionary<string, List<TimelineEntry>> historyByLead)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<AppendOutcome>(_appends.Count);
        foreach (var append in _appends)
        {
            var inserted = new List<TimelineEntry>();
            foreach (var @event in append.Events)
            {
                if (insertedPositions.TryGetValue(@event.EventId, out var position) && claimed.Add(@event.EventId))
                    inserted.Add(new TimelineEntry(position, @event));
            }
            IReadOnlyList<TimelineEntry> history = append.HistoryLimit > 0 && historyByLead.TryGetValue(append.LeadKey, out var entries)
                ? entries.Skip(Math.Max(0, entries.Count - append.HistoryLimit)).ToList()
                : [];
            results.Add(new AppendOutcome(inserted, history));
        }
        return results;
    }

    public sealed record EventRow(string LeadKey, Abstractions.Events.ConversationEvent Event)
    {
        public string Kind => StableNames<Abstractions.Events.EventKind>.Of(Event.Kind);
    }
}
