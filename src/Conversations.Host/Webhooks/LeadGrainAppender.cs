using Conversations.Abstractions.Leads;
using Conversations.Ingestion;

namespace Conversations.Host.Webhooks;

/// <summary>
/// Hands a delivery's events to their lead grains, one call per lead (keyed as normalization found it), and
/// returns once every one is durable.
/// </summary>
public sealed class LeadGrainAppender(IGrainFactory grains)
{
    public async Task<WebhookReceipt> AppendAsync(NormalizationResult normalized)
    {
        var results = await Task.WhenAll(normalized.Leads.Select(lead =>
            grains.GetGrain<ILeadGrain>(lead.LeadKey).AppendAsync(lead.Events)));
        return new WebhookReceipt(
            Outcome: WebhookOutcome.Accepted,
            Events: normalized.Events.Count,
            Applied: results.Sum(r => r.Applied),
            Duplicates: results.Sum(r => r.Duplicates),
            EventIds: normalized.Events.Select(e => e.EventId).ToList(),
            LeadKeys: normalized.Leads.Select(lead => lead.LeadKey).ToList());
    }
}
