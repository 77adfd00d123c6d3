using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Conversations.Abstractions;
using Conversations.Ingestion.SalesIq;
using Conversations.Testing;
using static Conversations.Ingestion.Tests.SalesIq.SalesIqSigning;

namespace Conversations.Ingestion.Tests.SalesIq;

public sealed class SalesIqVerifierTests
{
    private static readonly byte[] Body = Fixture.Read(SalesIqExpectations.Created);

    private readonly SalesIqVerifier _verifier = Verifier(Options());

    public static TheoryData<string> Fixtures => new(Fixture.Names(Providers.SalesIq));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Verify_WhenSignedWithTheConfiguredKey_IsAuthentic(string fixture)
    {
        var result = _verifier.Verify(Signed(Fixture.Read(fixture)));

        Assert.True(result.IsAuthentic, result.Reason);
        Assert.Null(result.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-1)]
    public void Verify_WhenOneByteOfTheBodyChanged_Refuses(int position)
    {
        var signature = Sign(Body);
        var changed = (byte[])Body.Clone();
        var at = position < 0 ? changed.Length - 1 : position;
        changed[at] ^= 0x01;

        var result = _verifier.Verify(Delivery(changed, signature));

        Assert.False(result.IsAuthentic);
        Assert.Equal("the x-siqsignature signature does not match the body", result.Reason);
    }

    [Fact]
    public void Verify_WhenBodyReformattedButSameJson_Refuses()
    {
        var signature = Sign(Body);
        var compact = JsonNode.Parse(Body)!.ToJsonString();

        Assert.False(_verifier.Verify(Delivery(Encoding.UTF8.GetBytes(compact), signature)).IsAuthentic);
    }

    [Fact]
    public void Verify_WhenSignatureIsOfAnotherBody_Refuses()
    {
        var other = Fixture.Read(SalesIqExpectations.CreatedRetry);

        Assert.False(_verifier.Verify(Delivery(Body, Sign(other))).IsAuthentic);
    }

    [Fact]
    public void Verify_WhenSignedWithAnotherKey_Refuses()
    {
        Assert.False(_verifier.Verify(Delivery(Body, Sign(Body, OtherKey))).IsAuthentic);
    }

    [Fact]
    public void Verify_WhenSignedWithPssPadding_Refuses()
    {
        var pss = Convert.ToBase64String(Key.SignData(Body, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));

        Assert.False(_verifier.Verify(Delivery(Body, pss)).IsAuthentic);
    }

    [Fact]
    public void Verify_WhenSignedOverSha1_Refuses()
    {
        var sha1 = Convert.ToBase64String(Key.SignData(Body, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));

        Assert.False(_verifier.Verify(Delivery(Body, sha1)).IsAuthentic);
    }

    [Fact]
    public void Verify_WhenHeaderNameInOtherCase_IsAuthentic()
    {
        Assert.True(_verifier.Verify(Delivery(Body, Sign(Body), "X-SiqSignature")).IsAuthentic);
    }

    [Fact]
    public void Verify_WhenSignatureHasSurroundingWhitespace_IsAuthentic()
    {
        Assert.True(_verifier.Verify(Delivery(Body, $"  {Sign(Body)}\t")).IsAuthentic);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Verify_WhenHeaderMissing_Refuses(string? header)
    {
        var result = _verifier.Verify(Delivery(Body, header));

        Assert.False(result.IsAuthentic);
        Assert.Equal("the delivery carries no x-siqsignature header", result.Reason);
    }

    [Fact]
    public void Verify_WhenSignatureSentUnderAnotherHeader_Refuses()
    {
        Assert.False(_verifier.Verify(Delivery(Body, Sign(Body), "x-signature")).IsAuthentic);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("abc")]
    [InlineData("====")]
    [InlineData("\u00e9\u00e9\u00e9\u00e9")]
    public void Verify_WhenHeaderNotBase64_Refuses(string header)
    {
        var result = _verifier.Verify(Delivery(Body, header));

        Assert.False(result.IsAuthentic);
        Assert.Equal("the x-siqsignature header is not base64", result.Reason);
    }

    [Fact]
    public void Verify_WhenHeaderIsHuge_RefusesWithoutDecoding()
    {
        var result = _verifier.Verify(Delivery(Body, new string('A', 1_000_000)));

        Assert.Equal("the x-siqsignature header is not base64", result.Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(257)]
    [InlineData(512)]
    public void Verify_WhenSignatureHasTheWrongLength_Refuses(int length)
    {
        var signature = Convert.ToBase64String(RandomNumberGenerator.GetBytes(length));

        var result = _verifier.Verify(Delivery(Body, signature));

        Assert.Equal("the x-siqsignature signature does not match the body", result.Reason);
    }

    [Fact]
    public void Verify_WhenTwoSignaturesJoinedAsRepeatedHeaders_Refuses()
    {
        Assert.False(_verifier.Verify(Delivery(Body, $"{Sign(Body)},{Sign(Body)}")).IsAuthentic);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void Verify_WhenNoKeyConfigured_Refuses(string? key)
    {
        var verifier = Verifier(new SalesIqOptions { Enabled = true, PublicKeyPem = key });

        var result = verifier.Verify(Signed(Body));

        Assert.False(result.IsAuthentic);
        Assert.Equal("no public key configured (Conversations:Providers:SalesIq:PublicKeyPem)", result.Reason);
    }

    public static TheoryData<string> UnusableKeys => new(
        "garbage",
        "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----",
        ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfoPem(),
        SalesIqSigning.Key.ExportPkcs8PrivateKeyPem(),
        SalesIqSigning.Key.ExportRSAPrivateKeyPem(),
        SalesIqSigning.PublicPem + "\n" + SalesIqSigning.OtherKey.ExportSubjectPublicKeyInfoPem());

    [Theory]
    [MemberData(nameof(UnusableKeys))]
    public void Verify_WhenKeyUnusable_RefusesWithoutThrowing(string key)
    {
        var verifier = Verifier(Options(key));

        var result = verifier.Verify(Signed(Body));

        Assert.False(result.IsAuthentic);
        Assert.Equal("the configured public key is not usable (Conversations:Providers:SalesIq:PublicKeyPem)", result.Reason);
    }

    [Fact]
    public void Verify_WhenKeyIsInPkcs1Form_IsAuthentic()
    {
        var verifier = Verifier(Options(Key.ExportRSAPublicKeyPem()));

        Assert.True(verifier.Verify(Signed(Body)).IsAuthentic);
    }

    [Fact]
    public void Verify_WhenKeyIsBareBase64WithoutArmour_IsAuthentic()
    {
        var verifier = Verifier(Options(Convert.ToBase64String(Key.ExportSubjectPublicKeyInfo())));

        Assert.True(verifier.Verify(Signed(Body)).IsAuthentic);
    }

    [Fact]
    public void Verify_WhenKeyReplacedByAReload_UsesTheNewKey()
    {
        var options = new TestOptionsMonitor<SalesIqOptions>(Options());
        var verifier = new SalesIqVerifier(options);
        Assert.True(verifier.Verify(Signed(Body)).IsAuthentic);

        options.CurrentValue = Options(OtherKey.ExportSubjectPublicKeyInfoPem());

        Assert.False(verifier.Verify(Signed(Body)).IsAuthentic);
        Assert.True(verifier.Verify(Delivery(Body, Sign(Body, OtherKey))).IsAuthentic);
    }

    [Fact]
    public void Verify_WhenCalledConcurrently_GivesEveryAnswerRight()
    {
        var good = Signed(Body);
        var bad = Delivery(Body, Sign(Body, OtherKey));
        var wrong = 0;

        Parallel.For(0, 2_000, i =>
        {
            var expected = i % 2 == 0;
            if (_verifier.Verify(expected ? good : bad).IsAuthentic != expected) Interlocked.Increment(ref wrong);
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Verify_Reasons_NeverQuoteTheSignatureOrTheKey()
    {
        var signature = Sign(Fixture.Read(SalesIqExpectations.Rated));
        var reasons = new[]
        {
            _verifier.Verify(Delivery(Body, signature)).Reason,
            _verifier.Verify(Delivery(Body, signature[..10])).Reason,
            Verifier(Options("-----BEGIN PUBLIC KEY-----\nsecretish\n-----END PUBLIC KEY-----")).Verify(Signed(Body)).Reason,
        };

        foreach (var reason in reasons)
        {
            Assert.NotNull(reason);
            Assert.DoesNotContain(signature[..10], reason, StringComparison.Ordinal);
            Assert.DoesNotContain("secretish", reason, StringComparison.Ordinal);
        }
    }
}
