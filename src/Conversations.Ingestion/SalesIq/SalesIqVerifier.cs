using System.Security.Cryptography;
using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.SalesIq;

/// <summary>
/// Verifies SalesIQ's signature: header <c>x-siqsignature</c>, base64 of an RSA PKCS#1 v1.5 SHA-256 signature
/// over the exact body bytes, checked with the configured public key.
/// </summary>
public sealed class SalesIqVerifier(IOptionsMonitor<SalesIqOptions> options) : IDeliveryVerifier
{
    public const string SignatureHeader = "x-siqsignature";

    // Base64 of a signature by an 8192-bit key is 1,368 characters; anything much longer is not a signature.
    private const int MaxSignatureLength = 2048;

    private readonly Lock _importing = new();
    private ImportedKey? _key;

    public VerificationResult Verify(WebhookDelivery delivery)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.PublicKeyPem))
            return VerificationResult.Refused($"no public key configured ({SalesIqOptions.PublicKeyPemSetting})");
        if (KeyFor(settings.PublicKeyPem) is not { } key)
            return VerificationResult.Refused($"the configured public key is not usable ({SalesIqOptions.PublicKeyPemSetting})");

        var header = delivery.Header(SignatureHeader)?.Trim();
        if (string.IsNullOrEmpty(header))
            return VerificationResult.Refused($"the delivery carries no {SignatureHeader} header");
        if (Decode(header) is not { } signature)
            return VerificationResult.Refused($"the {SignatureHeader} header is not base64");
        return Matches(key, delivery.Body.Span, signature)
            ? VerificationResult.Authentic
            : VerificationResult.Refused($"the {SignatureHeader} signature does not match the body");
    }

    // Verifying only reads the key, so one imported key serves concurrent deliveries. A key replaced by a
    // configuration reload is not disposed: a verification on another thread may still be using it.
    private RSA? KeyFor(string pem)
    {
        var imported = Volatile.Read(ref _key);
        if (imported is not null && string.Equals(imported.Pem, pem, StringComparison.Ordinal)) return imported.Rsa;
        lock (_importing)
        {
            imported = _key;
            if (imported is null || !string.Equals(imported.Pem, pem, StringComparison.Ordinal))
            {
                imported = new ImportedKey(pem, SalesIqPublicKey.TryImport(pem, out _));
                Volatile.Write(ref _key, imported);
            }
            return imported.Rsa;
        }
    }

    private static byte[]? Decode(string header)
    {
        if (header.Length > MaxSignatureLength) return null;
        var buffer = new byte[header.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(header, buffer, out var written) && written > 0 ? buffer[..written] : null;
    }

    private static bool Matches(RSA key, ReadOnlySpan<byte> body, byte[] signature)
    {
        try
        {
            return key.VerifyData(body, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private sealed record ImportedKey(string Pem, RSA? Rsa);
}
