using System.Text;
using Conversations.Abstractions;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests;

public sealed class MalformedBodyTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in new[] { Providers.Salesforge, Providers.Seleqt })
            {
                foreach (var body in new[]
                {
                    "empty", "whitespace", "array", "string", "number", "null", "truncated", "trailing-garbage",
                    "deep-array", "deep-inside-object", "not-utf8", "utf16",
                })
                {
                    data.Add(provider, body);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_WhenBodyIsNotAJsonObject_RejectsAsMalformed(string provider, string body)
    {
        var normalizer = Normalizers.For(provider);

        var result = normalizer.Normalize(Body(body, Normalizers.AcceptedFixture(provider)));

        result.AssertRejected(NormalizationErrorKind.MalformedJson);
    }

    [Theory]
    [InlineData(Providers.Salesforge)]
    [InlineData(Providers.Seleqt)]
    public void Normalize_WhenBodyStartsWithByteOrderMark_Accepts(string provider)
    {
        var body = "\uFEFF"u8.ToArray().Concat(Fixture.Read(Normalizers.AcceptedFixture(provider))).ToArray();

        Normalizers.For(provider).Normalize(body).SingleEvent();
    }

    [Theory]
    [InlineData(Providers.Salesforge)]
    [InlineData(Providers.Seleqt)]
    public void Normalize_WhenJsonInvalid_DoesNotEchoTheBody(string provider)
    {
        var body = Bodies.Utf8("{\"secret\": \"hunter2\" oops}");

        var error = Normalizers.For(provider).Normalize(body).AssertRejected(NormalizationErrorKind.MalformedJson);

        Assert.DoesNotContain("hunter2", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("oops", error.Detail, StringComparison.Ordinal);
    }

    private static byte[] Body(string name, string fixture) => name switch
    {
        "empty" => [],
        "whitespace" => Bodies.Utf8("  \r\n "),
        "array" => Bodies.Utf8("[]"),
        "string" => Bodies.Utf8("\"x\""),
        "number" => Bodies.Utf8("42"),
        "null" => Bodies.Utf8("null"),
        "truncated" => Fixture.Read(fixture)[..^40],
        "trailing-garbage" => [.. Fixture.Read(fixture), .. "}x"u8],
        "deep-array" => Bodies.Utf8(new string('[', 10_000) + new string(']', 10_000)),
        "deep-inside-object" => Bodies.Utf8("{\"message\":" + new string('[', 10_000) + new string(']', 10_000) + "}"),
        "not-utf8" => [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'],
        "utf16" => Encoding.Unicode.GetBytes("{\"event\":\"incoming_message\"}"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown body"),
    };
}
