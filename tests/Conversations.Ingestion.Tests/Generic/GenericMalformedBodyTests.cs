using System.Text;
using Conversations.Ingestion.Generic;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Generic;

public sealed class GenericMalformedBodyTests
{
    private const string Replied = "generic/01-replied.json";

    private readonly GenericNormalizer _normalizer = new();

    [Theory]
    [InlineData("empty")]
    [InlineData("whitespace")]
    [InlineData("array")]
    [InlineData("array-of-events")]
    [InlineData("string")]
    [InlineData("number")]
    [InlineData("null")]
    [InlineData("truncated")]
    [InlineData("trailing-garbage")]
    [InlineData("deep-array")]
    [InlineData("deep-inside-batch")]
    [InlineData("not-utf8")]
    [InlineData("utf16")]
    public void Normalize_WhenBodyIsNotAJsonObject_RejectsAsMalformed(string body) =>
        _normalizer.Normalize(Body(body)).AssertRejected(NormalizationErrorKind.MalformedJson);

    [Fact]
    public void Normalize_WhenBodyStartsWithByteOrderMark_Accepts() =>
        _normalizer.Normalize([.. "\uFEFF"u8, .. Fixture.Read(Replied)]).SingleEvent();

    [Fact]
    public void Normalize_WhenJsonInvalid_DoesNotEchoTheBody()
    {
        var error = _normalizer.Normalize(Bodies.Utf8("{\"secret\": \"hunter2\" oops}")).AssertRejected(NormalizationErrorKind.MalformedJson);

        Assert.DoesNotContain("hunter2", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("oops", error.Detail, StringComparison.Ordinal);
    }

    private static byte[] Body(string name) => name switch
    {
        "empty" => [],
        "whitespace" => Bodies.Utf8("  \r\n "),
        "array" => Bodies.Utf8("[]"),
        "array-of-events" => Bodies.Utf8($"[{Bodies.Parse(Replied).ToJsonString()}]"),
        "string" => Bodies.Utf8("\"x\""),
        "number" => Bodies.Utf8("42"),
        "null" => Bodies.Utf8("null"),
        "truncated" => Fixture.Read(Replied)[..^40],
        "trailing-garbage" => [.. Fixture.Read(Replied), .. "}x"u8],
        "deep-array" => Bodies.Utf8(new string('[', 10_000) + new string(']', 10_000)),
        "deep-inside-batch" => Bodies.Utf8("{\"events\":" + new string('[', 10_000) + new string(']', 10_000) + "}"),
        "not-utf8" => [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'],
        "utf16" => Encoding.Unicode.GetBytes("{\"kind\":\"replied\"}"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown body"),
    };
}
