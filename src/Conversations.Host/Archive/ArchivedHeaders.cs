namespace Conversations.Host.Archive;

/// <summary>
/// The request headers kept with a raw delivery: an allow-list of ones that help trace and debug a delivery.
/// Anything that can carry a credential (signatures, tokens, cookies, authorization) is never kept.
/// </summary>
internal static class ArchivedHeaders
{
    private static readonly string[] Kept =
    [
        "Content-Type", "Content-Length", "User-Agent", "webhook-id", "webhook-timestamp", "X-Request-Id",
        "traceparent", "X-Webhook-Delivery-Id", "X-Webhook-Event", "X-Webhook-Timestamp", "X-Webhook-Id", "X-Delivery-Id",
    ];

    public static IReadOnlyDictionary<string, string> From(IReadOnlyDictionary<string, string> headers)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Kept)
        {
            if (headers.TryGetValue(name, out var value)) kept[name] = value.Length > 512 ? value[..512] : value;
        }
        return kept;
    }
}
