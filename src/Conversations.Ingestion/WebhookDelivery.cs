namespace Conversations.Ingestion;

/// <summary>
/// A delivery as received: the exact body bytes, the request headers (names case-insensitive), the secret
/// token when one was given (<c>/webhooks/{provider}/{token}</c>, <c>?token=</c> or the <c>X-Webhook-Token</c> header),
/// and when it arrived.
/// </summary>
public sealed record WebhookDelivery(
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Headers,
    string? UrlToken,
    DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
