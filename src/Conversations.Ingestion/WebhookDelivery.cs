namespace Conversations.Ingestion;

/// <summary>
/// A delivery as received: the exact body bytes, the request headers (names case-insensitive), the secret
/// token from the URL when one was given (<c>/webhooks/{provider}/{token}</c> or <c>?token=</c>), and when it arrived.
/// </summary>
public sealed record WebhookDelivery(
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Headers,
    string? UrlToken,
    DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
