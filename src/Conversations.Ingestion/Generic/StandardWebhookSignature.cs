using System.Security.Cryptography;
using System.Text;

namespace Conversations.Ingestion.Generic;

/// <summary>The <c>v1</c> (HMAC-SHA256) signature of Standard Webhooks, over <c>{id}.{timestamp}.{body}</c>.</summary>
internal static class StandardWebhookSignature
{
    public const string Version = "v1";
    public const int Length = 32;

    public static byte[] Compute(byte[] key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{id}.{timestamp}."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>
    /// Whether any <c>v1</c> entry of a <c>webhook-signature</c> header is the signature under any of the keys.
    /// Entries of other versions (<c>v1a</c>, asymmetric) and undecodable entries are skipped.
    /// </summary>
    public static bool AnyMatches(string header, IReadOnlyList<byte[]> keys, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var expected = new byte[keys.Count][];
        for (var k = 0; k < keys.Count; k++) expected[k] = Compute(keys[k], id, timestamp, body);

        Span<byte> presented = stackalloc byte[Length];
        var tokens = Tokens(header);
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i] != Version) continue;
            if (!Convert.TryFromBase64String(tokens[i + 1], presented, out var written) || written != Length) continue;
            foreach (var signature in expected)
            {
                if (CryptographicOperations.FixedTimeEquals(presented, signature)) return true;
            }
        }
        return false;
    }

    /// <summary>Whether the header has at least one <c>v1</c> entry at all, to tell "unsigned" from "wrongly signed".</summary>
    public static bool HasVersion1Entry(string header) => Tokens(header).Contains(Version, StringComparer.Ordinal);

    // Entries are "v1,<base64>" separated by spaces, but a header sent twice reaches us joined with a comma
    // ("v1,a,v1,b"): splitting on both and pairing each "v1" with the token after it reads either form.
    private static string[] Tokens(string header) => header.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
}
