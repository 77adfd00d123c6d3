using Conversations.Ingestion.Breakcold;
using Conversations.Testing;
using static Conversations.Ingestion.Tests.Breakcold.BreakcoldDeliveries;

namespace Conversations.Ingestion.Tests.Breakcold;

/// <summary>Which checks run, by configuration.</summary>
public sealed class BreakcoldVerifierTests
{
    private static readonly byte[] Right = Fixture.Read("breakcold/01-lead.create.json");
    private static readonly byte[] Wrong = Fixture.Read("breakcold/09-wrong-secret.json");

    private readonly BreakcoldVerifier _both = Verifier(o =>
    {
        o.Secret = BodySecret;
        o.SigningSecret = SigningSecret;
    });

    [Fact]
    public void Verify_WhenNoSecretConfigured_RefusesEveryDelivery()
    {
        var verifier = Verifier(_ => { });
        const string reason = "no secret configured for breakcold (Conversations:Providers:Breakcold:Secret or Conversations:Providers:Breakcold:SigningSecret)";

        verifier.Verify(Signed(Right)).AssertRefused(reason);
        verifier.Verify(Unsigned(Right)).AssertRefused(reason);
    }

    [Fact]
    public void Verify_WhenNoSecretConfiguredButUnauthenticatedAllowed_StillRefuses()
    {
        var verifier = Verifier(o => o.AllowUnauthenticated = true);

        Assert.False(verifier.Verify(Unsigned(Right)).IsAuthentic);
    }

    [Fact]
    public void Verify_WhenBothConfiguredAndBothPass_IsAuthentic() => _both.Verify(Signed(Right)).AssertAuthentic();

    [Fact]
    public void Verify_WhenBothConfiguredAndBodySecretWrong_Refuses() =>
        _both.Verify(Signed(Wrong)).AssertRefused("the secret in the body is not the configured one");

    [Fact]
    public void Verify_WhenBothConfiguredAndSignatureMissing_Refuses() =>
        _both.Verify(Unsigned(Right)).AssertRefused("the X-Webhook-Signature header is missing");

    [Fact]
    public void Verify_WhenBothConfiguredAndSignatureStale_Refuses() =>
        _both.Verify(Signed(Right, ReceivedAt.AddMinutes(-10))).AssertRefused("timestamp outside the 5-minute window");

    [Fact]
    public void Verify_WhenBothConfiguredAndSignedWithAnotherKey_Refuses() =>
        _both.Verify(Signed(Right, secret: BodySecret)).AssertRefused("the X-Webhook-Signature header does not match the body");

    [Fact]
    public void Verify_WhenSettingsChange_UsesTheCurrentOnes()
    {
        var options = new BreakcoldOptions { Enabled = true, Secret = "wh_old_secret" };
        var verifier = new BreakcoldVerifier(new TestOptionsMonitor<BreakcoldOptions>(options));
        verifier.Verify(Unsigned(Right)).AssertRefused("the secret in the body is not the configured one");

        options.Secret = BodySecret;

        verifier.Verify(Unsigned(Right)).AssertAuthentic();
    }
}
