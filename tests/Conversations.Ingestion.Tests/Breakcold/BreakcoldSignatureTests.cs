using System.Security.Cryptography;
using System.Text;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;
using static Conversations.Ingestion.Tests.Breakcold.BreakcoldDeliveries;

namespace Conversations.Ingestion.Tests.Breakcold;

/// <summary>The signature header, with only <see cref="BreakcoldOptions.SigningSecret"/> set.</summary>
public sealed class BreakcoldSignatureTests
{
    private const string Mismatch = "the X-Webhook-Signature header does not match the body";
    private const string BadFormat = "the X-Webhook-Signature header is not sha256=<64 hex digits>";
    private const string OutsideWindow = "timestamp outside the 5-minute window";

    private static readonly byte[] Body = Fixture.Read("breakcold/04-lead.linkedin.new.json");

    private readonly BreakcoldVerifier _verifier = Verifier(o => o.SigningSecret = SigningSecret);

    [Fact]
    public void Verify_WhenSignedAsDocumented_IsAuthentic() => _verifier.Verify(Signed(Body)).AssertAuthentic();

    [Fact]
    public void Verify_WhenSignedButBodySecretWrong_IsAuthentic() =>
        _verifier.Verify(Signed(Fixture.Read("breakcold/09-wrong-secret.json"))).AssertAuthentic();

    [Fact]
    public void Verify_WhenBodyTamperedAfterSigning_Refuses()
    {
        var delivery = Signed(Body);
        byte[] tampered = [.. Body];
        tampered[^10] ^= 0x01;

        _verifier.Verify(delivery with { Body = tampered }).AssertRefused(Mismatch);
    }

    [Fact]
    public void Verify_WhenBodyHasAByteAppended_Refuses()
    {
        var delivery = Signed(Body);

        _verifier.Verify(delivery with { Body = (byte[])[.. Body, (byte)' '] }).AssertRefused(Mismatch);
    }

    [Fact]
    public void Verify_WhenSignedWithAnotherKey_Refuses() =>
        _verifier.Verify(Signed(Body, secret: "whsec_someone_else")).AssertRefused(Mismatch);

    [Fact]
    public void Verify_WhenTimestampHeaderSwappedAfterSigning_Refuses()
    {
        var signedAt = UnixSeconds(ReceivedAt);
        var delivery = With(Body, (SignatureHeader, Signature(SigningSecret, signedAt, Body)), (TimestampHeader, UnixSeconds(ReceivedAt.AddSeconds(1))));

        _verifier.Verify(delivery).AssertRefused(Mismatch);
    }

    [Fact]
    public void Verify_WhenSignatureIsOverTheBodyAlone_Refuses()
    {
        var bodyOnly = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Body));

        _verifier.Verify(With(Body, (SignatureHeader, bodyOnly), (TimestampHeader, UnixSeconds(ReceivedAt)))).AssertRefused(Mismatch);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(-86_400)]
    [InlineData(301)]
    [InlineData(3_600)]
    public void Verify_WhenTimestampOutsideTolerance_Refuses(int offsetSeconds) =>
        _verifier.Verify(Signed(Body, ReceivedAt.AddSeconds(offsetSeconds))).AssertRefused(OutsideWindow);

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    [InlineData(-1)]
    public void Verify_WhenTimestampWithinTolerance_IsAuthentic(int offsetSeconds) =>
        _verifier.Verify(Signed(Body, ReceivedAt.AddSeconds(offsetSeconds))).AssertAuthentic();

    [Theory]
    [InlineData(60, 61, "timestamp outside the 1-minute window")]
    [InlineData(90, -91, "timestamp outside the 90-second window")]
    public void Verify_WhenToleranceConfigured_AppliesIt(int tolerance, int offsetSeconds, string reason)
    {
        var verifier = Verifier(o =>
        {
            o.SigningSecret = SigningSecret;
            o.ToleranceSeconds = tolerance;
        });

        verifier.Verify(Signed(Body, ReceivedAt.AddSeconds(offsetSeconds))).AssertRefused(reason);
    }

    [Fact]
    public void Verify_WhenSignatureHeaderMissing_Refuses() =>
        _verifier.Verify(With(Body, (TimestampHeader, UnixSeconds(ReceivedAt)))).AssertRefused("the X-Webhook-Signature header is missing");

    [Fact]
    public void Verify_WhenTimestampHeaderMissing_Refuses() =>
        _verifier.Verify(With(Body, (SignatureHeader, Signature(SigningSecret, UnixSeconds(ReceivedAt), Body))))
            .AssertRefused("the X-Webhook-Timestamp header is missing");

    [Fact]
    public void Verify_WhenNoHeadersAtAll_Refuses() =>
        _verifier.Verify(Unsigned(Body)).AssertRefused("the X-Webhook-Signature header is missing");

    [Fact]
    public void Verify_WhenHeadersBlank_Refuses() =>
        _verifier.Verify(With(Body, (SignatureHeader, "  "), (TimestampHeader, UnixSeconds(ReceivedAt))))
            .AssertRefused("the X-Webhook-Signature header is missing");

    [Theory]
    [InlineData("2026-10-01T00:00:00Z")]
    [InlineData("-1790812800")]
    [InlineData("1790812800.5")]
    [InlineData("1790812800000")]
    [InlineData("99999999999999999999999")]
    [InlineData("0x6A7E4F00")]
    public void Verify_WhenTimestampIsNotUnixSeconds_Refuses(string timestamp) =>
        _verifier.Verify(With(Body, (SignatureHeader, Signature(SigningSecret, timestamp, Body)), (TimestampHeader, timestamp)))
            .AssertRefused("the X-Webhook-Timestamp header is not a Unix time in seconds");

    [Theory]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("sha1=0123456789abcdef0123456789abcdef01234567")]
    [InlineData("sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")]
    [InlineData("sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef00")]
    [InlineData("sha256=g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Verify_WhenSignatureMalformed_Refuses(string signature) =>
        _verifier.Verify(With(Body, (SignatureHeader, signature), (TimestampHeader, UnixSeconds(ReceivedAt)))).AssertRefused(BadFormat);

    [Fact]
    public void Verify_WhenHexIsUpperCaseOrPrefixDiffers_IsAuthentic()
    {
        var timestamp = UnixSeconds(ReceivedAt);
        var hex = Signature(SigningSecret, timestamp, Body)["sha256=".Length..];

        foreach (var signature in new[] { "sha256=" + hex.ToUpperInvariant(), "SHA256=" + hex, hex, $"  sha256={hex} " })
            _verifier.Verify(With(Body, (SignatureHeader, signature), (TimestampHeader, timestamp))).AssertAuthentic();
    }

    [Fact]
    public void Verify_WhenHeaderNamesConfigured_ReadsThoseHeaders()
    {
        var verifier = Verifier(o =>
        {
            o.SigningSecret = SigningSecret;
            o.SignatureHeader = "X-Breakcold-Signature";
            o.TimestampHeader = "X-Breakcold-Timestamp";
        });
        var timestamp = UnixSeconds(ReceivedAt);
        var signature = Signature(SigningSecret, timestamp, Body);

        verifier.Verify(With(Body, ("x-breakcold-signature", signature), ("X-BREAKCOLD-TIMESTAMP", timestamp))).AssertAuthentic();
        verifier.Verify(Signed(Body)).AssertRefused("the X-Breakcold-Signature header is missing");
    }

    [Fact]
    public void Verify_WhenSignedBodyIsNotJson_IsAuthenticAndLeftToTheNormalizer()
    {
        var body = Bodies.Utf8("not json at all");

        _verifier.Verify(Signed(body)).AssertAuthentic();
        new BreakcoldNormalizer().Normalize(body).AssertRejected(NormalizationErrorKind.MalformedJson);
    }

    [Fact]
    public void Verify_WhenBodyIsEmptyButSigned_IsAuthentic() => _verifier.Verify(Signed([])).AssertAuthentic();
}
