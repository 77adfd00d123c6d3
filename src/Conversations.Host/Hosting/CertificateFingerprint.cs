using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Conversations.Host.Hosting;

/// <summary>Certificate fingerprints as operators paste them (<c>openssl x509 -fingerprint</c> prints colons).</summary>
internal static class CertificateFingerprint
{
    public static string Normalize(string fingerprint) =>
        string.Concat(fingerprint.Where(c => c != ':' && !char.IsWhiteSpace(c))).ToUpperInvariant();

    public static bool IsWellFormed(string fingerprint)
    {
        var hex = Normalize(fingerprint);
        return hex.Length is 40 or 64 && hex.All(char.IsAsciiHexDigit);
    }

    /// <summary>The SHA-1 (the .NET and Windows "thumbprint") and SHA-256 fingerprints of <paramref name="certificate"/>.</summary>
    public static IEnumerable<string> Of(X509Certificate2 certificate) =>
        [certificate.Thumbprint, certificate.GetCertHashString(HashAlgorithmName.SHA256)];
}
