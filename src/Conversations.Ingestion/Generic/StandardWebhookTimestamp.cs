using System.Globalization;

namespace Conversations.Ingestion.Generic;

/// <summary>
/// The replay check on <c>webhook-timestamp</c>: whole Unix seconds, within the tolerance of the receive time in
/// either direction (a sender's clock may run ahead of ours).
/// </summary>
internal static class StandardWebhookTimestamp
{
    /// <summary>Null when the timestamp is acceptable; otherwise why not, safe to return to the sender.</summary>
    public static string? Problem(string text, DateTimeOffset receivedAt, int toleranceSeconds)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt))
            return $"the {StandardWebhookHeaders.Timestamp} header is not a Unix time in whole seconds";
        var age = receivedAt.ToUnixTimeSeconds() - sentAt;
        if (age > toleranceSeconds)
            return $"the {StandardWebhookHeaders.Timestamp} header is {age} seconds before the delivery arrived; at most {toleranceSeconds} are allowed";
        if (-age > toleranceSeconds)
            return $"the {StandardWebhookHeaders.Timestamp} header is {-age} seconds after the delivery arrived; at most {toleranceSeconds} are allowed";
        return null;
    }
}
