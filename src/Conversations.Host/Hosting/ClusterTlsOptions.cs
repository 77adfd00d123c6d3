using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Hosting;

/// <summary>
/// TLS on the silo and gateway ports, on when <see cref="CertificatePath"/> is set. Bound from
/// <c>Conversations:Cluster:Tls</c>. Every silo and every Orleans client presents a certificate and accepts
/// only the peers it pins: its own certificate and <see cref="AllowedThumbprints"/>.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string SectionName = ConversationsClusterOptions.SectionName + ":Tls";

    /// <summary>A PKCS#12 file (<c>.pfx</c> or <c>.p12</c>) or a PEM certificate. Unset (default): cluster TLS off.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key, when it is not in the <see cref="CertificatePath"/> file. Not used with PKCS#12.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The PKCS#12 password, or the password of an encrypted PEM key. Never logged.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Fingerprints (SHA-1 or SHA-256, hex, colons allowed) of other certificates silos and clients may present,
    /// besides this silo's own: list the next certificate here before rolling it out.
    /// </summary>
    public string[] AllowedThumbprints { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}

public sealed class ClusterTlsOptionsValidator(TimeProvider time) : IValidateOptions<ClusterTlsOptions>
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    public ValidateOptionsResult Validate(string? name, ClusterTlsOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedThumbprints.Length; i++)
        {
            if (!CertificateFingerprint.IsWellFormed(options.AllowedThumbprints[i]))
                failures.Add($"{ClusterTlsOptions.SectionName}:AllowedThumbprints:{i} must be a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) certificate fingerprint.");
        }
        if (options.Enabled) failures.AddRange(CheckCertificate(options));
        else if (!string.IsNullOrEmpty(options.KeyPath) || !string.IsNullOrEmpty(options.CertificatePassword) || options.AllowedThumbprints.Length > 0)
            failures.Add($"{ClusterTlsOptions.SectionName}:CertificatePath must be set when other {ClusterTlsOptions.SectionName} settings are (cluster TLS is off without it).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private List<string> CheckCertificate(ClusterTlsOptions options)
    {
        var section = ClusterTlsOptions.SectionName;
        if (!File.Exists(options.CertificatePath)) return [$"{section}:CertificatePath: no file at '{options.CertificatePath}'."];
        var hasKeyPath = !string.IsNullOrEmpty(options.KeyPath);
        if (hasKeyPath && ClusterCertificateLoader.IsPkcs12(options.CertificatePath!))
            return [$"{section}:KeyPath is for PEM certificates only; a PKCS#12 file carries its own key."];
        if (hasKeyPath && !File.Exists(options.KeyPath)) return [$"{section}:KeyPath: no file at '{options.KeyPath}'."];

        X509Certificate2 certificate;
        try
        {
            certificate = ClusterCertificateLoader.Load(options);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The exception text names the file problem; it never contains the password.
            return [$"{section}:CertificatePath: '{options.CertificatePath}' could not be read as a PKCS#12 or PEM certificate with its private key "
                + $"(check {section}:CertificatePassword and {section}:KeyPath): {e.Message}"];
        }
        using (certificate)
        {
            var failures = new List<string>();
            if (!certificate.HasPrivateKey)
                failures.Add($"{section}:CertificatePath: the certificate in '{options.CertificatePath}' has no private key.");
            if (!AllowsUsage(certificate, ServerAuthenticationOid) || !AllowsUsage(certificate, ClientAuthenticationOid))
                failures.Add($"{section}:CertificatePath: the certificate's extended key usage must allow both server and client authentication (each silo is both).");
            var now = time.GetUtcNow().UtcDateTime;
            if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
                failures.Add($"{section}:CertificatePath: the certificate is valid only from {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}.");
            return failures;
        }
    }

    // Without an extended key usage extension a certificate may be used for anything (RFC 5280 4.2.1.12).
    private static bool AllowsUsage(X509Certificate2 certificate, string oid)
    {
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().ToList();
        return usages.Count == 0 || usages.Any(e => e.EnhancedKeyUsages.Cast<Oid>().Any(u => u.Value == oid));
    }
}
