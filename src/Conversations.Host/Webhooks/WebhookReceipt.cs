namespace Conversations.Host.Webhooks;

/// <summary>The answer to an accepted delivery. <c>outcome</c> is <c>accepted</c> or <c>ignored</c>.</summary>
public sealed record WebhookReceipt(
    string Outcome,
    int Events,
    int Applied,
    int Duplicates,
    IReadOnlyList<string> EventIds,
    IReadOnlyList<string> LeadKeys,
    string? Reason = null);
