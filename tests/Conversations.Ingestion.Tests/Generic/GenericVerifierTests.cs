using Conversations.Ingestion.Generic;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Generic;

public sealed class GenericVerifierTests
{
    private static readonly byte[] Body = Fixture.Read("generic/01-replied.json");

    private readonly GenericVerifier _verifier = SignedDeliveries.Verifier();

    [Fact]
    public void Verify_WhenSignedWithTheSecret_IsAuthentic() =>
        AssertAuthentic(SignedDeliveries.Headers(Body));

    [Fact]
    public void Verify_WhenSecondOfTwoSignaturesMatches_IsAuthentic()
    {
        var headers = SignedDeliveries.Headers(Body, SignedDeliveries.OtherSecret + " " + SignedDeliveries.Secret);

        Assert.Equal(2, headers[StandardWebhookHeaders.Signature].Split(' ').Length);
        AssertAuthentic(headers);
    }

    [Fact]
    public void Verify_WhenSignedWithOldSecretDuringRotation_IsAuthentic()
    {
        var verifier = SignedDeliveries.Verifier($"{SignedDeliveries.OtherSecret} {SignedDeliveries.Secret}");

        Assert.True(verifier.Verify(SignedDeliveries.Delivery(Body, SignedDeliveries.Headers(Body))).IsAuthentic);
        Assert.True(verifier.Verify(SignedDeliveries.Delivery(Body, SignedDeliveries.Headers(Body, SignedDeliveries.OtherSecret))).IsAuthentic);
    }

    [Fact]
    public void Verify_WhenAsymmetricEntryPrecedesTheSignature_IsAuthentic()
    {
        var headers = SignedDeliveries.Headers(Body);
        headers[StandardWebhookHeaders.Signature] = "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== "
            + headers[StandardWebhookHeaders.Signature];

        AssertAuthentic(headers);
    }

    [Fact]
    public void Verify_WhenSignatureHeaderWasSentTwiceAndJoinedWithComma_IsAuthentic()
    {
        var headers = SignedDeliveries.Headers(Body);
        headers[StandardWebhookHeaders.Signature] = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=," + headers[StandardWebhookHeaders.Signature];

        AssertAuthentic(headers);
    }

    [Fact]
    public void Verify_WhenHeaderNamesHaveAnotherCase_IsAuthentic()
    {
        var signed = SignedDeliveries.Headers(Body);
        var headers = signed.ToDictionary(h => h.Key.ToUpperInvariant(), h => h.Value, StringComparer.OrdinalIgnoreCase);

        AssertAuthentic(headers);
    }

    [Fact]
    public void Verify_WhenBodyTampered_Refuses()
    {
        var headers = SignedDeliveries.Headers(Body);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 0x01;

        var verdict = _verifier.Verify(SignedDeliveries.Delivery(tampered, headers));

        Assert.False(verdict.IsAuthentic);
        Assert.Equal("no v1 signature in the webhook-signature header matches the webhook-id, webhook-timestamp and body", verdict.Reason);
    }

    [Fact]
    public void Verify_WhenBodyHasAnExtraTrailingNewline_Refuses()
    {
        var headers = SignedDeliveries.Headers(Body);

        AssertRefused([.. Body, (byte)'\n'], headers);
    }

    [Fact]
    public void Verify_WhenIdTampered_Refuses()
    {
        var headers = SignedDeliveries.Headers(Body);
        headers[StandardWebhookHeaders.Id] = "msg_someone_else";

        AssertRefused(Body, headers);
    }

    [Fact]
    public void Verify_WhenTimestampTamperedWithinTolerance_Refuses()
    {
        var headers = SignedDeliveries.Headers(Body);
        headers[StandardWebhookHeaders.Timestamp] = (SignedDeliveries.ReceivedAt.ToUnixTimeSeconds() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        AssertRefused(Body, headers);
    }

    [Fact]
    public void Verify_WhenSignedWithAnotherSecret_Refuses() =>
        AssertRefused(Body, SignedDeliveries.Headers(Body, SignedDeliveries.OtherSecret));

    [Theory]
    [InlineData(-300)]
    [InlineData(0)]
    [InlineData(300)]
    public void Verify_WhenTimestampWithinTolerance_IsAuthentic(int secondsFromReceipt) =>
        AssertAuthentic(SignedDeliveries.Headers(Body, sentAt: SignedDeliveries.ReceivedAt.AddSeconds(secondsFromReceipt)));

    [Fact]
    public void Verify_WhenTimestamp301SecondsOld_Refuses()
    {
        var headers = SignedDeliveries.Headers(Body, sentAt: SignedDeliveries.ReceivedAt.AddSeconds(-301));

        var verdict = _verifier.Verify(SignedDeliveries.Delivery(Body, headers));

        Assert.False(verdict.IsAuthentic);
        Assert.Equal("the webhook-timestamp header is 301 seconds before the delivery arrived; at most 300 are allowed", verdict.Reason);
    }

    [Fact]
    public void Verify_WhenTimestamp301SecondsInTheFuture_Refuses()
    {
        var headers = SignedDeliveries.Headers(Body, sentAt: SignedDeliveries.ReceivedAt.AddSeconds(301));

        var verdict = _verifier.Verify(SignedDeliveries.Delivery(Body, headers));

        Assert.False(verdict.IsAuthentic);
        Assert.Equal("the webhook-timestamp header is 301 seconds after the delivery arrived; at most 300 are allowed", verdict.Reason);
    }

    [Fact]
    public void Verify_WhenToleranceConfigured_UsesIt()
    {
        var verifier = SignedDeliveries.Verifier(toleranceSeconds: 10);
        var headers = SignedDeliveries.Headers(Body, sentAt: SignedDeliveries.ReceivedAt.AddSeconds(-11));

        Assert.False(verifier.Verify(SignedDeliveries.Delivery(Body, headers)).IsAuthentic);
    }

    [Theory]
    [InlineData(StandardWebhookHeaders.Id)]
    [InlineData(StandardWebhookHeaders.Timestamp)]
    [InlineData(StandardWebhookHeaders.Signature)]
    public void Verify_WhenHeaderMissing_RefusesNamingIt(string header)
    {
        var headers = SignedDeliveries.Headers(Body);
        headers.Remove(header);

        var verdict = _verifier.Verify(SignedDeliveries.Delivery(Body, headers));

        Assert.False(verdict.IsAuthentic);
        Assert.Equal($"the {header} header is missing", verdict.Reason);
    }

    [Theory]
    [InlineData(StandardWebhookHeaders.Id)]
    [InlineData(StandardWebhookHeaders.Timestamp)]
    [InlineData(StandardWebhookHeaders.Signature)]
    public void Verify_WhenHeaderBlank_RefusesAsMissing(string header)
    {
        var headers = SignedDeliveries.Headers(Body);
        headers[header] = "  ";

        Assert.Equal($"the {header} header is missing", _verifier.Verify(SignedDeliveries.Delivery(Body, headers)).Reason);
    }

    [Fact]
    public void Verify_WhenNoHeadersAtAll_Refuses() =>
        AssertRefused(Body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    [Theory]
    [InlineData("abc")]
    [InlineData("1790812800.5")]
    [InlineData("-1790812800")]
    [InlineData("+1790812800")]
    [InlineData("1.79e9")]
    [InlineData("0x6ABC")]
    [InlineData("1790812800ms")]
    [InlineData("2026-10-01T00:00:00Z")]
    [InlineData("99999999999999999999999")]
    [InlineData("１７９０８１２８００")]
    public void Verify_WhenTimestampNotWholeUnixSeconds_Refuses(string timestamp)
    {
        var headers = SignedDeliveries.Headers(Body);
        headers[StandardWebhookHeaders.Timestamp] = timestamp;

        var verdict = _verifier.Verify(SignedDeliveries.Delivery(Body, headers));

        Assert.False(verdict.IsAuthentic);
        Assert.Equal("the webhook-timestamp header is not a Unix time in whole seconds", verdict.Reason);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("v1")]
    [InlineData("v1,")]
    [InlineData("v1,!!!not-base64!!!")]
    [InlineData("v2,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")]
    [InlineData("v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")]
    [InlineData("v1,AAAA")]
    [InlineData("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("sha256=abcdef0123456789")]
    [InlineData(",,, ,,")]
    public void Verify_WhenSignatureIsGarbage_Refuses(string signature)
    {
        var headers = SignedDeliveries.Headers(Body);
        headers[StandardWebhookHeaders.Signature] = signature;

        AssertRefused(Body, headers);
    }

    [Fact]
    public void Verify_WhenSignatureHasNoV1Entry_SaysSo()
    {
        var headers = SignedDeliveries.Headers(Body);
        headers[StandardWebhookHeaders.Signature] = "sha256=abcdef";

        Assert.Equal("the webhook-signature header has no v1,<base64> entry", _verifier.Verify(SignedDeliveries.Delivery(Body, headers)).Reason);
    }

    [Fact]
    public void Verify_WhenSignatureIsTheBareBase64WithoutVersion_Refuses()
    {
        var headers = SignedDeliveries.Headers(Body);
        headers[StandardWebhookHeaders.Signature] = headers[StandardWebhookHeaders.Signature]["v1,".Length..];

        AssertRefused(Body, headers);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Verify_WhenNoSecretConfigured_Refuses(string? secret)
    {
        var verdict = SignedDeliveries.Verifier(secret).Verify(SignedDeliveries.Delivery(Body, SignedDeliveries.Headers(Body)));

        Assert.False(verdict.IsAuthentic);
        Assert.Equal("no signing secret is configured for generic (Conversations:Providers:Generic:SigningSecret)", verdict.Reason);
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_not base64")]
    [InlineData("whsec_c2hvcnQ=")]
    public void Verify_WhenConfiguredSecretUnusable_RefusesInsteadOfThrowing(string secret)
    {
        var headers = SignedDeliveries.Headers(Body);

        var verdict = SignedDeliveries.Verifier(secret).Verify(SignedDeliveries.Delivery(Body, headers));

        Assert.False(verdict.IsAuthentic);
        SignedDeliveries.AssertDoesNotQuote(secret, verdict.Reason!);
    }

    [Fact]
    public void Verify_Reasons_NeverContainTheSecret()
    {
        var key = SignedDeliveries.Secret["whsec_".Length..];
        var signed = SignedDeliveries.Headers(Body);
        var deliveries = new List<Dictionary<string, string>>
        {
            new(StringComparer.OrdinalIgnoreCase),
            SignedDeliveries.Headers(Body, SignedDeliveries.OtherSecret),
            SignedDeliveries.Headers(Body, sentAt: SignedDeliveries.ReceivedAt.AddDays(-1)),
            new(signed, StringComparer.OrdinalIgnoreCase) { [StandardWebhookHeaders.Signature] = "v1,junk" },
            new(signed, StringComparer.OrdinalIgnoreCase) { [StandardWebhookHeaders.Timestamp] = "soon" },
        };

        foreach (var headers in deliveries)
        {
            var reason = _verifier.Verify(SignedDeliveries.Delivery(Body, headers)).Reason!;
            Assert.DoesNotContain(key, reason, StringComparison.Ordinal);
            Assert.DoesNotContain("whsec_", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Verify_WhenBodyEmpty_VerifiesItsSignatureLikeAnyOther()
    {
        AssertAuthentic([], SignedDeliveries.Headers([]));
        AssertRefused([], SignedDeliveries.Headers(Body));
    }

    private void AssertAuthentic(IReadOnlyDictionary<string, string> headers) => AssertAuthentic(Body, headers);

    private void AssertAuthentic(byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        var verdict = _verifier.Verify(SignedDeliveries.Delivery(body, headers));
        Assert.True(verdict.IsAuthentic, verdict.Reason);
        Assert.Null(verdict.Reason);
    }

    private void AssertRefused(byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        var verdict = _verifier.Verify(SignedDeliveries.Delivery(body, headers));
        Assert.False(verdict.IsAuthentic);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
    }
}
