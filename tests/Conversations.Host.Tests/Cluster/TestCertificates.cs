using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Conversations.Host.Tests.Cluster;

/// <summary>Self-signed certificates written to a temporary folder as PKCS#12 or PEM files; disposing removes the folder.</summary>
internal sealed class TestCertificates : IDisposable
{
    public const string Password = "pfx-password-for-tests";

    private readonly string _directory = Directory.CreateTempSubdirectory("conversations-certs-").FullName;

    /// <summary>A new self-signed certificate with an exportable key, valid around now.</summary>
    public static X509Certificate2 Create(string subject, TimeSpan? validFor = null, params string[] extendedKeyUsages)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (extendedKeyUsages.Length > 0)
        {
            var usages = new OidCollection();
            foreach (var oid in extendedKeyUsages) usages.Add(new Oid(oid));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, critical: false));
        }
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now + (validFor ?? TimeSpan.FromDays(1)));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12, Password), Password, X509KeyStorageFlags.Exportable);
    }

    public string WritePfx(X509Certificate2 certificate, string? password = Password)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>The certificate alone (no key) as PEM, and its key as a separate PEM file.</summary>
    public (string CertificatePath, string KeyPath) WritePem(X509Certificate2 certificate)
    {
        var name = Path.Combine(_directory, Guid.NewGuid().ToString("N"));
        File.WriteAllText(name + ".crt", certificate.ExportCertificatePem());
        using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The test certificate has no RSA key.");
        File.WriteAllText(name + ".key", key.ExportPkcs8PrivateKeyPem());
        return (name + ".crt", name + ".key");
    }

    public string WriteFile(string extension, byte[] contents)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, contents);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
