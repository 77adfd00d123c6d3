using System.Globalization;

namespace Conversations.Ingestion.Generic;

/// <summary>
/// Signs a body as a Standard Webhooks sender does, producing the headers <see cref="GenericVerifier"/> checks.
/// For tests, load tools and documentation examples; a real sender uses its own library.
/// </summary>
public static class StandardWebhookSigner
{
    /// <summary>
    /// The three headers for <paramref name="body"/>, as a case-insensitive dictionary. <paramref name="secret"/> is
    /// <c>whsec_...</c>, or several separated by spaces, which gives one signature per secret as during a rotation.
    /// </summary>
    /// <exception cref="ArgumentException">The secret is not a Standard Webhooks secret, or the id is empty.</exception>
    public static IReadOnlyDictionary<string, string> Headers(ReadOnlySpan<byte> body, string secret, string id, DateTimeOffset timestamp)
    {
        var seconds = timestamp.ToUnixTimeSeconds();
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [StandardWebhookHeaders.Id] = id,
            [StandardWebhookHeaders.Timestamp] = seconds.ToString(CultureInfo.InvariantCulture),
            [StandardWebhookHeaders.Signature] = Signature(body, secret, id, seconds),
        };
    }

    /// <summary>The <c>webhook-signature</c> value: <c>v1,&lt;base64&gt;</c> per secret, separated by spaces.</summary>
    /// <exception cref="ArgumentException">The secret is not a Standard Webhooks secret, or the id is empty.</exception>
    public static string Signature(ReadOnlySpan<byte> body, string secret, string id, long unixSeconds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var secrets = StandardWebhookSecret.Split(secret);
        if (secrets.Length == 0) throw NotASecret(nameof(secret));
        var timestamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var signatures = new string[secrets.Length];
        for (var i = 0; i < secrets.Length; i++)
        {
            var key = StandardWebhookSecret.KeyOf(secrets[i]) ?? throw NotASecret(nameof(secret));
            signatures[i] = $"{StandardWebhookSignature.Version},{Convert.ToBase64String(StandardWebhookSignature.Compute(key, id, timestamp, body))}";
        }
        return string.Join(' ', signatures);
    }

    // The message never quotes the secret.
    private static ArgumentException NotASecret(string parameter) => new(
        $"Not a Standard Webhooks secret: expected {StandardWebhookSecret.Prefix} followed by the base64 of at least {StandardWebhookSecret.MinimumKeyBytes} bytes.",
        parameter);
}
