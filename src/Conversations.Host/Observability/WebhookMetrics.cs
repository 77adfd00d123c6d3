using System.Diagnostics.Metrics;
using Conversations.Host.Webhooks;

namespace Conversations.Host.Observability;

/// <summary>
/// What the webhook endpoint counts, on the meter <see cref="MeterName"/>: deliveries by provider and outcome
/// (<c>accepted</c>, <c>ignored</c>, <c>refused</c> with the problem type's name as <c>reason</c>), and their events by
/// provider as <c>applied</c> or <c>duplicate</c>.
/// </summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "Orleans.Conversations.Webhooks";

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _events;

    public WebhookMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("conversations.webhooks.deliveries", unit: "{delivery}",
            description: "Webhook deliveries answered, by provider, outcome (accepted, ignored, refused) and, when refused, reason.");
        _events = meter.CreateCounter<long>("conversations.webhooks.events", unit: "{event}",
            description: "Events of accepted deliveries, by provider and result: applied (new) or duplicate (stored before).");
    }

    public void Answered(string provider, WebhookReceipt receipt)
    {
        var outcome = receipt.Outcome == WebhookOutcome.Ignored ? "ignored" : "accepted";
        _deliveries.Add(1, new("provider", provider), new("outcome", outcome));
        if (receipt.Applied > 0) _events.Add(receipt.Applied, new("provider", provider), new("result", "applied"));
        if (receipt.Duplicates > 0) _events.Add(receipt.Duplicates, new("provider", provider), new("result", "duplicate"));
    }

    public void Refused(string provider, string reason) =>
        _deliveries.Add(1, new("provider", provider), new("outcome", "refused"), new("reason", reason));
}
