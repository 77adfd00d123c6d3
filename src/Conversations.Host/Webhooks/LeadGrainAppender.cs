using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Identity;
using Conversations.Ingestion;

namespace Conversations.Host.Webhooks;

/// <summary>
/// Hands a delivery's events to their lead grains, one call per person (resolved through the lead directory), and
/// returns once every one is durable.
/// </summary>
/// <remarks>
/// The raw delivery, when given, goes with the first person's events, so it is archived in the same transaction as
/// they are. A delivery whose events name several people (a generic batch) commits one transaction per lead.
/// </remarks>
public sealed class LeadGrainAppender(IGrainFactory grains, LeadResolver resolver)
{
    // A route is out of date only when a delivery linked the same new alias, or a merge moved the lead, in the
    // meantime; the next resolution sees that. Losing this often in a row means something else is wrong.
    private const int MaxResolutions = 5;

    /// <param name="normalized">The delivery's events, by person.</param>
    /// <param name="delivery">The raw delivery to archive with the events; null when it is archived already (replay).</param>
    public async Task<WebhookReceipt> AppendAsync(NormalizationResult normalized, RawDelivery? delivery = null)
    {
        var results = await Task.WhenAll(normalized.Leads.Select((lead, index) => AppendAsync(lead, index == 0 ? delivery : null)));
        return new WebhookReceipt(
            Outcome: WebhookOutcome.Accepted,
            Events: normalized.Events.Count,
            Applied: results.Sum(r => r.Result.Applied),
            Duplicates: results.Sum(r => r.Result.Duplicates),
            EventIds: normalized.Events.Select(e => e.EventId).ToList(),
            LeadIds: results.Select(r => r.LeadId).Distinct(StringComparer.Ordinal).ToList());
    }

    private async Task<(string LeadId, AppendResult Result)> AppendAsync(LeadEvents lead, RawDelivery? delivery)
    {
        for (var attempt = 1; ; attempt++)
        {
            var route = await resolver.ResolveAsync(lead.Aliases, lead.Events.Count > 0 ? lead.Events[0].EventId : null);
            var result = await grains.GetGrain<ILeadGrain>(route.LeadId)
                .AppendAsync(new LeadAppend(lead.Events, route.ArrivedAs, route.Claims, delivery, route.IsNew));
            if (!result.Misrouted)
            {
                resolver.Confirm(route);
                return (route.LeadId, result);
            }
            resolver.Forget(route);
            if (attempt == MaxResolutions)
                throw new InvalidOperationException($"The route of {lead.Events.Count} event(s) was out of date {MaxResolutions} times in a row.");
        }
    }
}
