using Conversations.Ingestion.Generic;

namespace Conversations.Ingestion.Tests.Generic;

public sealed class GenericOptionsValidatorTests
{
    private const string Section = "Conversations:Providers:Generic";

    private readonly GenericOptionsValidator _validator = new();

    [Fact]
    public void Validate_WhenDefaults_Succeeds() =>
        Assert.True(_validator.Validate(null, new GenericOptions()).Succeeded);

    [Fact]
    public void Validate_WhenEnabledWithSecret_Succeeds() =>
        Assert.True(_validator.Validate(null, Enabled(SignedDeliveries.Secret)).Succeeded);

    [Fact]
    public void Validate_WhenEnabledWithTwoSecrets_Succeeds() =>
        Assert.True(_validator.Validate(null, Enabled($"{SignedDeliveries.Secret} {SignedDeliveries.OtherSecret}")).Succeeded);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_WhenEnabledWithoutSecret_FailsNamingTheSetting(string? secret)
    {
        var failure = AssertSingleFailure(Enabled(secret));

        Assert.Contains($"{Section}:SigningSecret", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa$w")]
    [InlineData("whsec_c2hvcnQtYnV0LWJhc2U2NC0yMw==")]
    [InlineData("whsec_")]
    [InlineData("hunter2hunter2hunter2hunter2")]
    public void Validate_WhenSecretIsNotAStandardWebhooksSecret_FailsWithoutEchoingIt(string secret)
    {
        var failure = AssertSingleFailure(Enabled(secret));

        Assert.Contains($"{Section}:SigningSecret", failure, StringComparison.Ordinal);
        SignedDeliveries.AssertDoesNotQuote(secret, failure);
    }

    [Fact]
    public void Validate_WhenSecretDecodesTo23Bytes_Fails() =>
        AssertSingleFailure(Enabled("whsec_" + Convert.ToBase64String(new byte[23])));

    [Fact]
    public void Validate_WhenSecretDecodesTo24Bytes_Succeeds() =>
        Assert.True(_validator.Validate(null, Enabled("whsec_" + Convert.ToBase64String(new byte[24]))).Succeeded);

    [Fact]
    public void Validate_WhenSecondOfTwoSecretsInvalid_SaysWhich()
    {
        var failure = AssertSingleFailure(Enabled($"{SignedDeliveries.Secret} whsec_nope"));

        Assert.Contains("(secret 2 of 2)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenDisabledWithInvalidSecret_StillFails() =>
        AssertSingleFailure(new GenericOptions { SigningSecret = "not-a-secret" });

    [Fact]
    public void Validate_WhenTokenSet_FailsNamingIt()
    {
        var options = Enabled(SignedDeliveries.Secret);
        options.Token = "a-url-token-that-is-long-enough";

        var failure = AssertSingleFailure(options);

        Assert.Contains($"{Section}:Token", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(options.Token, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenAllowUnauthenticated_FailsNamingIt()
    {
        var options = Enabled(SignedDeliveries.Secret);
        options.AllowUnauthenticated = true;

        Assert.Contains($"{Section}:AllowUnauthenticated", AssertSingleFailure(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenAllowUnauthenticatedInsteadOfSecret_FailsForBoth()
    {
        var options = new GenericOptions { Enabled = true, AllowUnauthenticated = true };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3601)]
    public void Validate_WhenToleranceOutOfRange_FailsNamingIt(int seconds)
    {
        var options = Enabled(SignedDeliveries.Secret);
        options.ToleranceSeconds = seconds;

        Assert.Contains($"{Section}:ToleranceSeconds", AssertSingleFailure(options), StringComparison.Ordinal);
    }

    private static GenericOptions Enabled(string? secret) => new() { Enabled = true, SigningSecret = secret };

    private string AssertSingleFailure(GenericOptions options)
    {
        var result = _validator.Validate(null, options);
        Assert.True(result.Failed);
        return Assert.Single(result.Failures!);
    }
}
