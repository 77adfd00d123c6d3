using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;

namespace Conversations.Host.Webhooks;

/// <summary>Hands normalized events to their lead grains and waits until every one is durable.</summary>
public sealed class WebhookIngestor(IGrainFactory grains)
{
    public async Task<WebhookReceipt> IngestAsync(IReadOnlyList<ConversationEvent> events)
    {
        var byLead = events.GroupBy(e => LeadKey.From(e.Lead)!).ToList();
        var results = await Task.WhenAll(byLead.Select(group =>
            grains.GetGrain<ILeadGrain>(group.Key).AppendAsync(group.ToList())));
        return new WebhookReceipt(
            Outcome: "accepted",
            Events: events.Count,
            Applied: results.Sum(r => r.Applied),
            Duplicates: results.Sum(r => r.Duplicates),
            EventIds: events.Select(e => e.EventId).ToList(),
            LeadKeys: byLead.Select(g => g.Key).ToList());
    }
}
