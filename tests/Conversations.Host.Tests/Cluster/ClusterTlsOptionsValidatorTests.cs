using System.Security.Cryptography.X509Certificates;
using Conversations.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Tests.Cluster;

/// <summary>A bad cluster TLS setting is named at startup; the password never appears in the message.</summary>
public sealed class ClusterTlsOptionsValidatorTests : IDisposable
{
    private const string Section = ClusterTlsOptions.SectionName;
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private readonly TestCertificates _files = new();
    private readonly X509Certificate2 _certificate = TestCertificates.Create("validator-tests");

    [Fact]
    public void Validate_WhenTlsIsOff_Succeeds() =>
        Assert.True(Validate(new ClusterTlsOptions()).Succeeded);

    [Fact]
    public void Validate_WhenPfxWithPasswordIsGood_Succeeds() =>
        Assert.True(Validate(new() { CertificatePath = _files.WritePfx(_certificate), CertificatePassword = TestCertificates.Password }).Succeeded);

    [Fact]
    public void Validate_WhenPemCertificateAndKeyAreGood_SucceedsAndLoadsTheKey()
    {
        var (certificatePath, keyPath) = _files.WritePem(_certificate);
        var options = new ClusterTlsOptions { CertificatePath = certificatePath, KeyPath = keyPath };

        Assert.True(Validate(options).Succeeded);
        using var loaded = ClusterCertificateLoader.Load(options);
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(_certificate.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public void Validate_WhenCertificateFileIsMissing_NamesCertificatePath() =>
        AssertFailsNaming(new() { CertificatePath = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pfx") }, $"{Section}:CertificatePath: no file");

    [Fact]
    public void Validate_WhenPasswordIsWrong_NamesTheSettingsButNotThePassword()
    {
        const string wrongPassword = "this-is-not-the-password";
        var failures = AssertFailsNaming(new() { CertificatePath = _files.WritePfx(_certificate), CertificatePassword = wrongPassword }, $"{Section}:CertificatePassword");

        Assert.Contains($"{Section}:CertificatePath", failures);
        Assert.DoesNotContain(wrongPassword, failures);
        Assert.DoesNotContain(TestCertificates.Password, failures);
    }

    [Fact]
    public void Validate_WhenFileIsNotACertificate_NamesCertificatePath() =>
        AssertFailsNaming(new() { CertificatePath = _files.WriteFile(".pem", "not a _certificate"u8.ToArray()) }, $"{Section}:CertificatePath");

    [Fact]
    public void Validate_WhenPemHasNoKey_NamesCertificatePathAndKeyPath()
    {
        var (certificatePath, _) = _files.WritePem(_certificate);

        AssertFailsNaming(new() { CertificatePath = certificatePath }, $"{Section}:KeyPath");
    }

    [Fact]
    public void Validate_WhenPfxHasNoPrivateKey_SaysSo()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(_certificate.RawData);
        var path = _files.WriteFile(".pfx", publicOnly.Export(X509ContentType.Pkcs12));

        AssertFailsNaming(new() { CertificatePath = path }, "has no private key");
    }

    [Fact]
    public void Validate_WhenKeyUsageIsServerOnly_SaysBothAreNeeded()
    {
        using var serverOnly = TestCertificates.Create("server-only", extendedKeyUsages: ServerAuthentication);

        AssertFailsNaming(new() { CertificatePath = _files.WritePfx(serverOnly, password: null) }, "must allow both server and client authentication");
    }

    [Fact]
    public void Validate_WhenKeyUsageAllowsServerAndClient_Succeeds()
    {
        using var both = TestCertificates.Create("server-and-client", null, ServerAuthentication, ClientAuthentication);

        Assert.True(Validate(new() { CertificatePath = _files.WritePfx(both, password: null) }).Succeeded);
    }

    [Fact]
    public void Validate_WhenCertificateHasExpired_SaysWhenItWasValid() =>
        AssertFailsNaming(new() { CertificatePath = _files.WritePfx(_certificate, password: null) }, "valid only from", DateTimeOffset.UtcNow.AddDays(2));

    [Fact]
    public void Validate_WhenPfxHasAKeyPath_NamesKeyPath() =>
        AssertFailsNaming(new() { CertificatePath = _files.WritePfx(_certificate, password: null), KeyPath = "key.pem" }, $"{Section}:KeyPath");

    [Theory]
    [InlineData("not-hex")]
    [InlineData("0123456789ABCDEF")]
    public void Validate_WhenAllowedThumbprintIsMalformed_NamesIt(string thumbprint) =>
        AssertFailsNaming(new() { CertificatePath = _files.WritePfx(_certificate, password: null), AllowedThumbprints = [_certificate.Thumbprint, thumbprint] }, $"{Section}:AllowedThumbprints:1");

    [Fact]
    public void Validate_WhenTlsSettingsAreGivenWithoutACertificate_NamesCertificatePath() =>
        AssertFailsNaming(new() { AllowedThumbprints = [_certificate.Thumbprint] }, $"{Section}:CertificatePath must be set");

    [Fact]
    public void Start_WhenTheCertificateIsMissing_FailsNamingCertificatePath()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("conversations-startup-").FullName;
        try
        {
            var missing = Path.Combine(dataDirectory, "missing.pfx");
            using var host = ConversationsHostFactory.Embedded(dataDirectory, new Dictionary<string, string?> { [$"{Section}:CertificatePath"] = missing });

            var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

            var validation = Assert.IsType<OptionsValidationException>(failure.GetBaseException() as OptionsValidationException ?? failure);
            Assert.Contains($"{Section}:CertificatePath: no file at '{missing}'", string.Join(" ", validation.Failures));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _files.Dispose();
    }

    private static ValidateOptionsResult Validate(ClusterTlsOptions options, DateTimeOffset? now = null) =>
        new ClusterTlsOptionsValidator(new FixedTime(now ?? DateTimeOffset.UtcNow)).Validate(null, options);

    private static string AssertFailsNaming(ClusterTlsOptions options, string expected, DateTimeOffset? now = null)
    {
        var result = Validate(options, now);
        Assert.True(result.Failed, "The options should not validate.");
        var failures = string.Join(" ", result.Failures!);
        Assert.Contains(expected, failures);
        return failures;
    }
}
