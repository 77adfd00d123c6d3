using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Conversations.Ingestion.Authenticity;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// Breakcold's signature header, as its webhook documentation (docs.breakcold.com/api/webhooks) describes it:
/// <c>X-Webhook-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 under the endpoint's signing secret of
/// <c>{X-Webhook-Timestamp}.{raw body}</c>, the timestamp in Unix seconds. Header names are configurable in case
/// that changes. Hex is read in either case, and a value without the <c>sha256=</c> prefix is accepted.
/// </summary>
internal static class BreakcoldSignature
{
    private const string Prefix = "sha256=";
    private const int HashBytes = 32;
    // Twelve digits reach the year 33658; more than that is a millisecond time or garbage.
    private const int MaxTimestampDigits = 12;

    public static VerificationResult Check(WebhookDelivery delivery, string signingSecret, BreakcoldOptions settings)
    {
        var signatureHeader = settings.SignatureHeader;
        var timestampHeader = settings.TimestampHeader;
        if (delivery.Header(signatureHeader)?.Trim() is not { Length: > 0 } signature)
            return VerificationResult.Refused($"the {signatureHeader} header is missing");
        if (delivery.Header(timestampHeader)?.Trim() is not { Length: > 0 } timestamp)
            return VerificationResult.Refused($"the {timestampHeader} header is missing");
        if (!TryReadSeconds(timestamp, out var signedAt))
            return VerificationResult.Refused($"the {timestampHeader} header is not a Unix time in seconds");

        Span<byte> presented = stackalloc byte[HashBytes];
        if (!TryDecode(signature, presented))
            return VerificationResult.Refused($"the {signatureHeader} header is not sha256=<64 hex digits>");
        Span<byte> expected = stackalloc byte[HashBytes];
        Compute(signingSecret, timestamp, delivery.Body.Span, expected);
        if (!SecretComparer.AreEqual(presented, expected))
            return VerificationResult.Refused($"the {signatureHeader} header does not match the body");

        // Checked after the signature so that only a genuine, old delivery is called a replay.
        var skew = Math.Abs(delivery.ReceivedAt.ToUnixTimeSeconds() - signedAt);
        return skew <= settings.ToleranceSeconds
            ? VerificationResult.Authentic
            : VerificationResult.Refused($"timestamp outside the {Window(settings.ToleranceSeconds)} window");
    }

    private static bool TryReadSeconds(string text, out long seconds)
    {
        seconds = 0;
        return text.Length <= MaxTimestampDigits
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
    }

    private static bool TryDecode(string signature, Span<byte> hash)
    {
        var hex = signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? signature.AsSpan(Prefix.Length) : signature;
        return hex.Length == HashBytes * 2
            && Convert.FromHexString(hex, hash, out _, out var written) == OperationStatus.Done
            && written == HashBytes;
    }

    private static void Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body, Span<byte> hash)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp));
        hmac.AppendData("."u8);
        hmac.AppendData(body);
        hmac.GetHashAndReset(hash);
    }

    private static string Window(int seconds) => seconds % 60 == 0 ? $"{seconds / 60}-minute" : $"{seconds}-second";
}
