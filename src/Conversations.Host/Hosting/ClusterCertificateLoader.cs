using System.Security.Cryptography.X509Certificates;

namespace Conversations.Host.Hosting;

/// <summary>Reads the cluster certificate and its private key from a PKCS#12 or PEM file.</summary>
internal static class ClusterCertificateLoader
{
    public static bool IsPkcs12(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12";

    public static X509Certificate2 Load(ClusterTlsOptions options)
    {
        var path = options.CertificatePath ?? throw new InvalidOperationException($"{ClusterTlsOptions.SectionName}:CertificatePath is not set.");
        if (IsPkcs12(path)) return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);

        var keyPath = string.IsNullOrEmpty(options.KeyPath) ? null : options.KeyPath;
        using var pem = string.IsNullOrEmpty(options.CertificatePassword)
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, options.CertificatePassword, keyPath);
        // A PEM load gives an ephemeral key, which SslStream on Windows refuses; a PKCS#12 round trip does not.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }
}
