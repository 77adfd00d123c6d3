using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Breakcold;

/// <summary>Breakcold deliveries for verifier tests: unsigned, or signed the way Breakcold documents it.</summary>
internal static class BreakcoldDeliveries
{
    /// <summary>The body secret of every fixture but 09.</summary>
    public const string BodySecret = "wh_example_secret_1";
    public const string SigningSecret = "whsec_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    public const string SignatureHeader = "X-Webhook-Signature";
    public const string TimestampHeader = "X-Webhook-Timestamp";

    public static DateTimeOffset ReceivedAt => Delivery.ReceivedAt;

    public static BreakcoldVerifier Verifier(Action<BreakcoldOptions> configure)
    {
        var options = new BreakcoldOptions { Enabled = true };
        configure(options);
        return new BreakcoldVerifier(new TestOptionsMonitor<BreakcoldOptions>(options));
    }

    public static WebhookDelivery Unsigned(byte[] body) => new(body, Headers(), null, ReceivedAt);

    /// <summary>Signed at <paramref name="signedAt"/> (default: when received) over <paramref name="body"/>.</summary>
    public static WebhookDelivery Signed(byte[] body, DateTimeOffset? signedAt = null, string secret = SigningSecret)
    {
        var timestamp = UnixSeconds(signedAt ?? ReceivedAt);
        return With(body, (SignatureHeader, Signature(secret, timestamp, body)), (TimestampHeader, timestamp), ("X-Webhook-Delivery-Id", "dlv-0001"));
    }

    public static WebhookDelivery With(byte[] body, params (string Name, string Value)[] headers) =>
        new(body, Headers(headers), null, ReceivedAt);

    /// <summary>An independent implementation of the documented scheme: <c>sha256=hex(HMAC-SHA256(secret, "{timestamp}.{body}"))</c>.</summary>
    public static string Signature(string secret, string timestamp, byte[] body)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. body];
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static string UnixSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    // Case-insensitive, as the host builds them.
    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
}
