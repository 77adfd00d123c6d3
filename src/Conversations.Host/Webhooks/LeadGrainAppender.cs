using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Ingestion;

namespace Conversations.Host.Webhooks;

/// <summary>
/// Hands a delivery's events to their lead grains, one call per lead (keyed as normalization found it), and
/// returns once every one is durable.
/// </summary>
/// <remarks>
/// The raw delivery, when given, goes with the first lead's events, so it is archived in the same transaction as
/// they are. A delivery whose events name several leads (a generic batch) commits one transaction per lead.
/// </remarks>
public sealed class LeadGrainAppender(IGrainFactory grains)
{
    /// <param name="normalized">The delivery's events, by lead.</param>
    /// <param name="delivery">The raw delivery to archive with the events; null when it is archived already (replay).</param>
    public async Task<WebhookReceipt> AppendAsync(NormalizationResult normalized, RawDelivery? delivery = null)
    {
        var results = await Task.WhenAll(normalized.Leads.Select((lead, index) =>
            grains.GetGrain<ILeadGrain>(lead.ArrivedAs).AppendAsync(lead.Events, index == 0 ? delivery : null)));
        return new WebhookReceipt(
            Outcome: WebhookOutcome.Accepted,
            Events: normalized.Events.Count,
            Applied: results.Sum(r => r.Applied),
            Duplicates: results.Sum(r => r.Duplicates),
            EventIds: normalized.Events.Select(e => e.EventId).ToList(),
            LeadKeys: normalized.Leads.Select(lead => lead.ArrivedAs).ToList());
    }
}
