using System.Text.Json.Nodes;
using Conversations.Abstractions;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;
using static Conversations.Ingestion.Tests.Breakcold.BreakcoldDeliveries;

namespace Conversations.Ingestion.Tests.Breakcold;

/// <summary>The <c>secret</c> Breakcold's document puts in every body, with only <see cref="BreakcoldOptions.Secret"/> set.</summary>
public sealed class BreakcoldBodySecretTests
{
    private const string WrongSecret = "the secret in the body is not the configured one";
    private const string NoSecret = "the body carries no secret";

    private readonly BreakcoldVerifier _verifier = Verifier(o => o.Secret = BodySecret);

    public static TheoryData<string> RightSecretFixtures => new(
        Fixture.Names(Providers.Breakcold).Where(name => !name.Contains("09-wrong-secret", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(RightSecretFixtures))]
    public void Verify_WhenBodyCarriesTheSecret_IsAuthentic(string fixture) =>
        _verifier.Verify(Unsigned(Fixture.Read(fixture))).AssertAuthentic();

    [Fact]
    public void Verify_WhenBodyCarriesAnotherSecret_Refuses() =>
        _verifier.Verify(Unsigned(Fixture.Read("breakcold/09-wrong-secret.json"))).AssertRefused(WrongSecret);

    [Theory]
    [InlineData("wh_example_secret_")]
    [InlineData("wh_example_secret_1 ")]
    [InlineData("WH_EXAMPLE_SECRET_1")]
    [InlineData("")]
    public void Verify_WhenSecretIsNearlyRight_Refuses(string secret) =>
        _verifier.Verify(Unsigned(Bodies.Edit("breakcold/01-lead.create.json", root => root["secret"] = secret))).AssertRefused(WrongSecret);

    [Fact]
    public void Verify_WhenSecretMissing_Refuses() =>
        _verifier.Verify(Unsigned(Bodies.Edit("breakcold/01-lead.create.json", root => root.Remove("secret")))).AssertRefused(NoSecret);

    [Fact]
    public void Verify_WhenSecretIsOnlyInsideThePayload_Refuses()
    {
        var body = Bodies.Edit("breakcold/01-lead.create.json", root =>
        {
            root.Remove("secret");
            root.At("payload")["secret"] = BodySecret;
        });

        _verifier.Verify(Unsigned(body)).AssertRefused(NoSecret);
    }

    [Fact]
    public void Verify_WhenSecretIsNotAString_Refuses()
    {
        _verifier.Verify(Unsigned(Bodies.Edit("breakcold/01-lead.create.json", root => root["secret"] = null))).AssertRefused(NoSecret);
        _verifier.Verify(Unsigned(Bodies.Edit("breakcold/01-lead.create.json", root => root["secret"] = new JsonArray(BodySecret))))
            .AssertRefused(NoSecret);
    }

    [Fact]
    public void Verify_WhenBodyStartsWithByteOrderMark_IsAuthentic() =>
        _verifier.Verify(Unsigned([.. "\uFEFF"u8, .. Fixture.Read("breakcold/01-lead.create.json")])).AssertAuthentic();

    [Theory]
    [InlineData("", "the body is not valid JSON, so its secret cannot be checked")]
    [InlineData("{\"secret\": \"wh_example_secret_1\"", "the body is not valid JSON, so its secret cannot be checked")]
    [InlineData("[\"wh_example_secret_1\"]", "the body is not a JSON object, so its secret cannot be checked")]
    [InlineData("\"wh_example_secret_1\"", "the body is not a JSON object, so its secret cannot be checked")]
    [InlineData("{\"secret\": \"\\ud800\"}", "the secret in the body is not valid Unicode text")]
    public void Verify_WhenBodyIsNotAReadableObject_Refuses(string body, string reason) =>
        _verifier.Verify(Unsigned(Bodies.Utf8(body))).AssertRefused(reason);

    [Fact]
    public void Verify_WhenBodyIsNotUtf8_Refuses() =>
        _verifier.Verify(Unsigned([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']))
            .AssertRefused("the body is not UTF-8 JSON, so its secret cannot be checked");

    [Fact]
    public void Verify_WhenBodyNestsTooDeep_Refuses() =>
        _verifier.Verify(Unsigned(Bodies.Utf8("{\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}")))
            .AssertRefused("the body is not valid JSON, so its secret cannot be checked");

    [Fact]
    public void Verify_WithOnlyABodySecret_IgnoresSignatureHeaders() =>
        _verifier.Verify(With(Fixture.Read("breakcold/01-lead.create.json"), (SignatureHeader, "sha256=00"), (TimestampHeader, "1")))
            .AssertAuthentic();
}
