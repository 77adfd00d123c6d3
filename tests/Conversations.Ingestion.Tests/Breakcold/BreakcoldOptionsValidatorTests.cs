using Conversations.Ingestion.Breakcold;

namespace Conversations.Ingestion.Tests.Breakcold;

public sealed class BreakcoldOptionsValidatorTests
{
    private readonly BreakcoldOptionsValidator _validator = new();

    [Fact]
    public void Validate_WhenNotEnabledAndNothingSet_Succeeds() =>
        Assert.True(_validator.Validate(null, new BreakcoldOptions()).Succeeded);

    [Theory]
    [InlineData("wh_example_secret_1", null)]
    [InlineData(null, "whsec_signing")]
    [InlineData("wh_example_secret_1", "whsec_signing")]
    public void Validate_WhenEnabledWithASecret_Succeeds(string? secret, string? signingSecret) =>
        Assert.True(_validator.Validate(null, new BreakcoldOptions { Enabled = true, Secret = secret, SigningSecret = signingSecret }).Succeeded);

    [Fact]
    public void Validate_WhenEnabledWithoutAnySecret_FailsNamingTheSetting() =>
        AssertFails(new BreakcoldOptions { Enabled = true, Secret = "", SigningSecret = null }, "Conversations:Providers:Breakcold:Secret");

    [Fact]
    public void Validate_WhenUnauthenticatedAllowed_Fails() =>
        AssertFails(
            new BreakcoldOptions { Enabled = true, Secret = "wh_example_secret_1", AllowUnauthenticated = true },
            "breakcold deliveries carry a secret and are always verified");

    [Fact]
    public void Validate_WhenTokenSet_FailsWithoutEchoingIt()
    {
        var result = AssertFails(
            new BreakcoldOptions { Enabled = true, Secret = "wh_example_secret_1", Token = "tok_0123456789abcdef" },
            "Conversations:Providers:Breakcold:Token");

        Assert.DoesNotContain("tok_0123456789abcdef", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Validate_WhenToleranceNotPositive_FailsNamingIt(int tolerance) =>
        AssertFails(new BreakcoldOptions { SigningSecret = "whsec_signing", ToleranceSeconds = tolerance }, "Conversations:Providers:Breakcold:ToleranceSeconds");

    [Fact]
    public void Validate_WhenHeaderNameBlank_FailsNamingIt()
    {
        AssertFails(new BreakcoldOptions { SignatureHeader = " " }, "Conversations:Providers:Breakcold:SignatureHeader");
        AssertFails(new BreakcoldOptions { TimestampHeader = "" }, "Conversations:Providers:Breakcold:TimestampHeader");
    }

    [Fact]
    public void Validate_NeverEchoesSecrets()
    {
        var result = _validator.Validate(null, new BreakcoldOptions
        {
            Enabled = true,
            Secret = "wh_example_secret_1",
            SigningSecret = "whsec_signing",
            AllowUnauthenticated = true,
            ToleranceSeconds = 0,
        });

        Assert.DoesNotContain("wh_example_secret_1", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_signing", result.FailureMessage, StringComparison.Ordinal);
    }

    private string AssertFails(BreakcoldOptions options, string expected)
    {
        var result = _validator.Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        return result.FailureMessage;
    }
}
