using System.Security.Cryptography;
using System.Text;

namespace Conversations.Ingestion.Authenticity;

/// <summary>Constant-time comparison of secrets.</summary>
public static class SecretComparer
{
    /// <summary>
    /// True when both are equal. Both sides are hashed first so the comparison takes the same time whatever
    /// their lengths, and a length mismatch does not return early.
    /// </summary>
    public static bool AreEqual(string? presented, string expected)
    {
        if (presented is null) return false;
        Span<byte> left = stackalloc byte[32];
        Span<byte> right = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), left);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), right);
        return CryptographicOperations.FixedTimeEquals(left, right);
    }

    /// <summary>True when both byte sequences are equal, in time independent of where they differ.</summary>
    public static bool AreEqual(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> expected) =>
        CryptographicOperations.FixedTimeEquals(presented, expected);
}
