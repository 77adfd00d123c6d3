using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion;

/// <summary>
/// A delivery as received: the exact body bytes, the request headers (names case-insensitive), the secret
/// token when one was given (<c>/webhooks/{provider}/{token}</c>, <c>?token=</c> or the <c>X-Webhook-Token</c> header),
/// and when it arrived. Its body is parsed as JSON at most once, by whichever of verifier and normalizer reads it
/// first; dispose the delivery to return the parsed document's memory.
/// </summary>
public sealed record WebhookDelivery(
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Headers,
    string? UrlToken,
    DateTimeOffset ReceivedAt) : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    private ParsedBody? _json;

    // A copy made with `with { Body = ... }` must parse its own body, not share the original's document.
    private WebhookDelivery(WebhookDelivery original)
    {
        Body = original.Body;
        Headers = original.Headers;
        UrlToken = original.UrlToken;
        ReceivedAt = original.ReceivedAt;
    }

    /// <summary>A stored delivery read back for replay: its body and receive time, nothing to verify.</summary>
    public static WebhookDelivery Stored(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt) => new(body, NoHeaders, null, receivedAt);

    internal ParsedBody Json => _json ??= ParsedBody.Parse(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public void Dispose() => _json?.Dispose();
}
