using System.Security.Cryptography;

namespace Conversations.Ingestion.SalesIq;

/// <summary>Imports the configured public key. Never throws: a key that cannot be used comes back as a problem.</summary>
internal static class SalesIqPublicKey
{
    private const string PublicKeyLabel = "PUBLIC KEY";

    /// <summary>The key, or null with <paramref name="problem"/> saying (without quoting the key) what is wrong.</summary>
    public static RSA? TryImport(string pem, out string? problem)
    {
        var text = pem.Trim();
        // SalesIQ's key API hands out the key's base64 without PEM armour; that is the same key, so it is wrapped.
        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
            text = $"-----BEGIN {PublicKeyLabel}-----\n{text}\n-----END {PublicKeyLabel}-----";
        if (HoldsPrivateKey(text))
        {
            problem = "holds a private key: configure only the public key SalesIQ generated for the webhook";
            return null;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(text);
            problem = null;
            return rsa;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException or FormatException)
        {
            rsa.Dispose();
            problem = "is not an RSA public key in PEM form (-----BEGIN PUBLIC KEY-----)";
            return null;
        }
    }

    /// <summary>What is wrong with the key, or null when it imports.</summary>
    public static string? ProblemWith(string pem)
    {
        using var rsa = TryImport(pem, out var problem);
        return problem;
    }

    private static bool HoldsPrivateKey(string text)
    {
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            if (rest[fields.Label].Contains("PRIVATE", StringComparison.Ordinal)) return true;
            rest = rest[fields.Location.End..];
        }
        return false;
    }
}
