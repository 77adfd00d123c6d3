using Conversations.Ingestion.Generic;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Generic;

/// <summary>Secrets, verifiers and signed deliveries for the generic receiver's tests.</summary>
internal static class SignedDeliveries
{
    /// <summary>The secret of the Standard Webhooks reference test vector (24 bytes).</summary>
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /// <summary>Another valid secret (32 bytes), for rotation and wrong-secret cases.</summary>
    public const string OtherSecret = "whsec_YW5vdGhlci1zZWNyZXQtb2YtMzItYnl0ZXMtbG9uZyE=";

    public const string MessageId = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";

    /// <summary>A whole second, so that "n seconds before" is exact.</summary>
    public static readonly DateTimeOffset ReceivedAt = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static GenericVerifier Verifier(string? secret = Secret, bool enabled = true, int toleranceSeconds = GenericOptions.DefaultToleranceSeconds) =>
        new(new TestOptionsMonitor<GenericOptions>(new GenericOptions
        {
            Enabled = enabled,
            SigningSecret = secret,
            ToleranceSeconds = toleranceSeconds,
        }));

    /// <summary>Headers as a sender signing <paramref name="body"/> at <paramref name="sentAt"/> (default: the receive time) sends them.</summary>
    public static Dictionary<string, string> Headers(byte[] body, string secret = Secret, string id = MessageId, DateTimeOffset? sentAt = null) =>
        new(StandardWebhookSigner.Headers(body, secret, id, sentAt ?? ReceivedAt), StringComparer.OrdinalIgnoreCase);

    /// <summary>Fails when <paramref name="text"/> quotes the key material of <paramref name="secret"/>.</summary>
    public static void AssertDoesNotQuote(string secret, string text)
    {
        var material = secret.Trim();
        if (material.StartsWith("whsec_", StringComparison.OrdinalIgnoreCase)) material = material["whsec_".Length..];
        if (material.Length > 0) Assert.DoesNotContain(material, text, StringComparison.Ordinal);
    }

    public static WebhookDelivery Delivery(byte[] body, IReadOnlyDictionary<string, string> headers) =>
        new(body, headers, UrlToken: null, ReceivedAt);
}
