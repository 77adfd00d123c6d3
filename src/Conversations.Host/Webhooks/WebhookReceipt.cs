namespace Conversations.Host.Webhooks;

/// <summary>The answer to an accepted delivery. <c>outcome</c> is <c>accepted</c> or <c>ignored</c>.</summary>
public sealed record WebhookReceipt(
    string Outcome,
    int Events,
    int Applied,
    int Duplicates,
    IReadOnlyList<string> EventIds,
    IReadOnlyList<string> LeadKeys,
    string? Reason = null)
{
    public static WebhookReceipt Ignored(string reason) => new("ignored", 0, 0, 0, [], [], reason);
}
