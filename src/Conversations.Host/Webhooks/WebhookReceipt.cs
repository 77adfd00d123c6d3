namespace Conversations.Host.Webhooks;

/// <summary>
/// The answer to an accepted delivery. <c>outcome</c> is <c>accepted</c> or <c>ignored</c> (<see cref="WebhookOutcome"/>). In a batch,
/// <c>rejected</c> names the events that could not be used (the others were stored). <c>leadIds</c> are the leads the
/// events were appended to (<c>GET /api/leads/{id}</c>).
/// </summary>
public sealed record WebhookReceipt(
    WebhookOutcome Outcome,
    int Events,
    int Applied,
    int Duplicates,
    IReadOnlyList<string> EventIds,
    IReadOnlyList<string> LeadIds,
    string? Reason = null,
    IReadOnlyList<string>? Rejected = null)
{
    public static WebhookReceipt Ignored(string reason) => new(WebhookOutcome.Ignored, 0, 0, 0, [], [], reason);
}
