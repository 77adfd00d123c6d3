using System.Globalization;
using Conversations.Ingestion.Generic;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Generic;

public sealed class StandardWebhookSignerTests
{
    // The test vector the Standard Webhooks reference libraries share: reproducing it means any receiver library
    // accepts what the signer produces, and a sender's library produces what the verifier accepts.
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorBody = "{\"test\": 2432232314}";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Signature_ReproducesTheReferenceTestVector() =>
        Assert.Equal(VectorSignature, StandardWebhookSigner.Signature(Bodies.Utf8(VectorBody), VectorSecret, VectorId, VectorTimestamp));

    [Fact]
    public void Verifier_AcceptsTheReferenceTestVector()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["webhook-id"] = VectorId,
            ["webhook-timestamp"] = VectorTimestamp.ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = VectorSignature,
        };
        var delivery = new WebhookDelivery(Bodies.Utf8(VectorBody), headers, null, DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp + 10));

        Assert.True(SignedDeliveries.Verifier(VectorSecret).Verify(delivery).IsAuthentic);
    }

    [Fact]
    public void Headers_AreTheThreeStandardOnes()
    {
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp).ToOffset(TimeSpan.FromHours(5));

        var headers = StandardWebhookSigner.Headers(Bodies.Utf8(VectorBody), VectorSecret, VectorId, sentAt);

        Assert.Equal(3, headers.Count);
        Assert.Equal(VectorId, headers["Webhook-Id"]);
        Assert.Equal("1614265330", headers["webhook-timestamp"]);
        Assert.Equal(VectorSignature, headers["WEBHOOK-SIGNATURE"]);
    }

    [Fact]
    public void Signature_WhenSeveralSecrets_GivesOneEntryPerSecretInOrder()
    {
        var body = Bodies.Utf8(VectorBody);

        var signature = StandardWebhookSigner.Signature(body, $"{VectorSecret}  {SignedDeliveries.OtherSecret}", VectorId, VectorTimestamp);

        Assert.Equal(
            $"{VectorSignature} {StandardWebhookSigner.Signature(body, SignedDeliveries.OtherSecret, VectorId, VectorTimestamp)}",
            signature);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_")]
    [InlineData("whsec_%%%%")]
    [InlineData("whsec_c2hvcnQta2V5")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw whsec_oops")]
    public void Signature_WhenSecretUnusable_ThrowsWithoutQuotingIt(string secret)
    {
        var error = Assert.Throws<ArgumentException>(() => StandardWebhookSigner.Signature(Bodies.Utf8(VectorBody), secret, VectorId, VectorTimestamp));

        Assert.Equal("secret", error.ParamName);
        SignedDeliveries.AssertDoesNotQuote(secret, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Signature_WhenIdBlank_Throws(string id) =>
        Assert.Throws<ArgumentException>(() => StandardWebhookSigner.Signature(Bodies.Utf8(VectorBody), VectorSecret, id, VectorTimestamp));
}
