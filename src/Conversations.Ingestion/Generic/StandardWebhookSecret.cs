namespace Conversations.Ingestion.Generic;

/// <summary>
/// Standard Webhooks signing secrets: <c>whsec_</c> followed by the base64 of the HMAC key. A setting may hold
/// several, separated by spaces, so that a secret can be rotated without refusing what is signed with the old one.
/// </summary>
internal static class StandardWebhookSecret
{
    public const string Prefix = "whsec_";

    /// <summary>The specification's minimum key size (192 bits).</summary>
    public const int MinimumKeyBytes = 24;

    /// <summary>The secrets a setting lists (split on whitespace).</summary>
    public static string[] Split(string? setting) =>
        setting?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>The HMAC key, or null when the text is not <c>whsec_</c> + base64 of at least <see cref="MinimumKeyBytes"/> bytes.</summary>
    public static byte[]? KeyOf(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var encoded = secret.AsSpan(Prefix.Length);
        var key = new byte[(encoded.Length / 4 + 1) * 3];
        return Convert.TryFromBase64Chars(encoded, key, out var length) && length >= MinimumKeyBytes ? key[..length] : null;
    }

    /// <summary>The keys of every usable secret in a setting.</summary>
    public static IReadOnlyList<byte[]> KeysOf(string? setting) =>
        Split(setting).Select(KeyOf).OfType<byte[]>().ToList();
}
