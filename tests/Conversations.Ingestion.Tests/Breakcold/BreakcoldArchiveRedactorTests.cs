using System.Text;
using Conversations.Abstractions;
using Conversations.Ingestion.Authenticity;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;
using static Conversations.Ingestion.Tests.Breakcold.BreakcoldDeliveries;

namespace Conversations.Ingestion.Tests.Breakcold;

/// <summary>The body secret never reaches the archive; every other byte of the body does.</summary>
public sealed class BreakcoldArchiveRedactorTests
{
    private readonly BreakcoldArchiveRedactor _redactor = new();

    public static TheoryData<string> Fixtures => new(Fixture.Names(Providers.Breakcold));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Redact_EveryFixture_ReplacesOnlyTheSecretsValue(string fixture)
    {
        var body = Encoding.UTF8.GetString(Fixture.Read(fixture));
        var secret = Bodies.Parse(fixture)["secret"]!.GetValue<string>();

        var redacted = Redact(body);

        Assert.Equal(body.Replace($"\"secret\": \"{secret}\"", "\"secret\": \"[redacted]\"", StringComparison.Ordinal), redacted);
        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"secret":"wh_example_secret_1"}""", """{"secret":"[redacted]"}""")]
    [InlineData("""{"event":"lead.create","secret":"wh_example_secret_1","payload":{"id":7,"tags":["a",{"b":null}]}}""",
        """{"event":"lead.create","secret":"[redacted]","payload":{"id":7,"tags":["a",{"b":null}]}}""")]
    [InlineData("{ \"secret\" :\n\t \"wh_example_secret_1\" , \"n\": 1.50e3 }", "{ \"secret\" :\n\t \"[redacted]\" , \"n\": 1.50e3 }")]
    [InlineData("""{"payload":{"secret":"kept"},"secret":"wh_example_secret_1"}""", """{"payload":{"secret":"kept"},"secret":"[redacted]"}""")]
    public void Redact_TopLevelSecret_IsReplacedAndTheRestKeptByteForByte(string body, string expected) =>
        Assert.Equal(expected, Redact(body));

    [Theory]
    [InlineData("""{"payload":{"secret":"nested-value"}}""")]
    [InlineData("""{"payload":[{"secret":"nested-value"}],"other":{"deeper":{"secret":"x"}}}""")]
    public void Redact_SecretOnlyInNestedObjects_IsKept_BecauseTheVerifierReadsOnlyTheTopLevel(string body) =>
        Assert.Equal(body, Redact(body));

    [Theory]
    [InlineData("""{"secret":"wh_\u0065xample_\"secret\"_\\1\ud83d\ude00"}""", """{"secret":"[redacted]"}""")]
    [InlineData("""{"secr\u0065t":"wh_example_secret_1"}""", """{"secr\u0065t":"[redacted]"}""")]
    [InlineData("""{"\u0073ecret":"\ud800"}""", """{"\u0073ecret":"[redacted]"}""")]
    [InlineData("""{"a":"say \"secret\": \"no\"","secret":"s"}""", """{"a":"say \"secret\": \"no\"","secret":"[redacted]"}""")]
    public void Redact_EscapedNamesAndValues_AreMatchedAsAParserReadsThem(string body, string expected) =>
        Assert.Equal(expected, Redact(body));

    [Fact]
    public void Redact_RepeatedTopLevelSecret_ReplacesEveryOne() =>
        Assert.Equal("""{"secret":"[redacted]","x":1,"secret":"[redacted]"}""", Redact("""{"secret":"first","x":1,"secret":"second"}"""));

    [Fact]
    public void Redact_BodyWithByteOrderMark_KeepsTheMark() =>
        Assert.Equal("\uFEFF{\"secret\":\"[redacted]\"}", Redact("\uFEFF{\"secret\":\"s\"}"));

    [Theory]
    [InlineData("""{"event":"lead.create","payload":{}}""")]
    [InlineData("""{"Secret":"case matters, as for the verifier"}""")]
    [InlineData("""{"secret":null}""")]
    [InlineData("""{"secret":12345}""")]
    [InlineData("""{"secret":["wh_example_secret_1"]}""")]
    [InlineData("""["wh_example_secret_1"]""")]
    [InlineData("\"wh_example_secret_1\"")]
    public void Redact_WhenNoTopLevelStringSecret_ReturnsTheBodyUnchanged(string text)
    {
        var body = Bodies.Utf8(text);

        var redacted = _redactor.Redact(body);

        Assert.True(redacted.Span.SequenceEqual(body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"secret":"wh_example_secret_1""")]
    [InlineData("""{"secret" "wh_example_secret_1"}""")]
    [InlineData("""{"a":[1,2,"secret":"wh_example_secret_1"}""")]
    public void Redact_MalformedBeforeTheSecret_ReturnsTheBodyUnchangedWithoutThrowing(string text) =>
        Assert.Equal(text, Redact(text));

    [Theory]
    [InlineData("""{"secret":"wh_example_secret_1", broken""", """{"secret":"[redacted]", broken""")]
    [InlineData("""{"secret":"wh_example_secret_1","a":[1,2}""", """{"secret":"[redacted]","a":[1,2}""")]
    public void Redact_MalformedAfterTheSecret_StillReplacesIt(string body, string expected) =>
        Assert.Equal(expected, Redact(body));

    [Fact]
    public void Redact_WhenBodyIsNotUtf8OrNestsTooDeep_DoesNotThrow()
    {
        byte[] notUtf8 = [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'"', (byte)'s', (byte)'"', (byte)'}'];
        var tooDeep = Bodies.Utf8("{\"secret\":\"s\",\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}");

        Assert.True(_redactor.Redact(notUtf8).Span.SequenceEqual(notUtf8));
        Assert.Equal("{\"secret\":\"[redacted]\",\"a\":[[[", Encoding.UTF8.GetString(_redactor.Redact(tooDeep).Span)[..30]);
    }

    [Fact]
    public void Redact_WhenBodiesMutated_NeverThrows_AndEveryBodyTheVerifierAcceptsLosesItsSecret()
    {
        var verifier = Verifier(o => o.Secret = BodySecret);
        var verifierOfRedacted = Verifier(o => o.Secret = JsonSecretRedaction.Replacement);

        var failures = SeededMutants.Failures(MutationChecks.ReadAll(Providers.Breakcold), mutant =>
        {
            var body = mutant.Body;
            var redacted = _redactor.Redact(body);
            if (!verifier.Verify(Unsigned(body)).IsAuthentic) return null;
            if (redacted.Span.IndexOf(Encoding.UTF8.GetBytes(BodySecret)) >= 0) return "the secret is still in the redacted body";
            return verifierOfRedacted.Verify(Unsigned(redacted.ToArray())).IsAuthentic ? null : "the redacted body's secret does not read as the replacement";
        });

        Assert.Empty(failures);
    }

    private string Redact(string body) => Encoding.UTF8.GetString(_redactor.Redact(Bodies.Utf8(body)).Span);
}
