using System.Security.Cryptography;
using Conversations.Ingestion.SalesIq;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Tests.SalesIq;

public sealed class SalesIqOptionsValidatorTests
{
    private const string KeySetting = "Conversations:Providers:SalesIq:PublicKeyPem";

    private readonly SalesIqOptionsValidator _validator = new();

    [Fact]
    public void Validate_WhenEnabledWithAPublicKey_Succeeds()
    {
        Assert.True(Validate(SalesIqSigning.Options()).Succeeded);
    }

    [Fact]
    public void Validate_WhenDisabledWithoutAKey_Succeeds()
    {
        Assert.True(Validate(new SalesIqOptions()).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_WhenEnabledWithoutAKey_FailsNamingTheSetting(string? key)
    {
        var result = Validate(new SalesIqOptions { Enabled = true, PublicKeyPem = key });

        Assert.True(result.Failed);
        Assert.Contains(KeySetting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage-key-text")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nZ2FyYmFnZS1rZXktdGV4dA==\n-----END PUBLIC KEY-----")]
    [InlineData("-----BEGIN CERTIFICATE-----\nZ2FyYmFnZS1rZXktdGV4dA==\n-----END CERTIFICATE-----")]
    public void Validate_WhenKeyIsNotAnRsaPublicKey_FailsNamingTheSettingWithoutQuotingIt(string key)
    {
        var result = Validate(SalesIqSigning.Options(key));

        Assert.True(result.Failed);
        Assert.Contains($"{KeySetting} is not an RSA public key", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("garbage", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Z2FyYmFnZS", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenKeyIsAnEcKey_Fails()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.True(Validate(SalesIqSigning.Options(ec.ExportSubjectPublicKeyInfoPem())).Failed);
    }

    [Fact]
    public void Validate_WhenKeyIsPrivate_FailsWithoutQuotingIt()
    {
        var pem = SalesIqSigning.Key.ExportPkcs8PrivateKeyPem();

        var result = Validate(SalesIqSigning.Options(pem));

        Assert.True(result.Failed);
        Assert.Contains($"{KeySetting} holds a private key", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(pem.Split('\n')[1], result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenKeyIsBadEvenThoughDisabled_Fails()
    {
        Assert.True(Validate(new SalesIqOptions { PublicKeyPem = "garbage" }).Failed);
    }

    [Fact]
    public void Validate_WhenUnauthenticatedAllowed_FailsNamingTheSetting()
    {
        var options = SalesIqSigning.Options();
        options.AllowUnauthenticated = true;

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Conversations:Providers:SalesIq:AllowUnauthenticated", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTokenSet_FailsNamingTheSettingWithoutQuotingIt()
    {
        var options = SalesIqSigning.Options();
        options.Token = "a-url-token-0123456789";

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Conversations:Providers:SalesIq:Token", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(options.Token, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenSeveralThingsWrong_ReportsEach()
    {
        var result = Validate(new SalesIqOptions { Enabled = true, AllowUnauthenticated = true, Token = "a-url-token-0123456789" });

        Assert.Equal(3, result.Failures!.Count());
    }

    private ValidateOptionsResult Validate(SalesIqOptions options) => _validator.Validate(Options.DefaultName, options);
}
