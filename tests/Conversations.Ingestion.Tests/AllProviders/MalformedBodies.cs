using System.Text;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.AllProviders;

/// <summary>Bodies that are not one JSON object, by case name: the ones every provider must reject, then its own.</summary>
internal static class MalformedBodies
{
    public static IReadOnlyList<string> Common { get; } =
    [
        "empty", "whitespace", "array", "string", "number", "null", "truncated", "trailing-garbage",
        "deep-array", "deep-inside-object", "not-utf8", "utf16", "invalid-after-a-secret",
    ];

    public static IEnumerable<string> Of(ProviderUnderTest provider) => Common.Concat(provider.MalformedBodies.Keys);

    public static byte[] Body(ProviderUnderTest provider, string name) => name switch
    {
        "empty" => [],
        "whitespace" => Bodies.Utf8("  \r\n "),
        "array" => Bodies.Utf8("[]"),
        "string" => Bodies.Utf8("\"x\""),
        "number" => Bodies.Utf8("42"),
        "null" => Bodies.Utf8("null"),
        "truncated" => Fixture.Read(provider.AcceptedFixture)[..^40],
        "trailing-garbage" => [.. Fixture.Read(provider.AcceptedFixture), .. "}x"u8],
        "deep-array" => Bodies.Utf8(new string('[', 10_000) + new string(']', 10_000)),
        "deep-inside-object" => Bodies.Utf8("{\"message\":" + new string('[', 10_000) + new string(']', 10_000) + "}"),
        "not-utf8" => [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'],
        "utf16" => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(Fixture.Read(provider.AcceptedFixture))),
        "invalid-after-a-secret" => Bodies.Utf8("{\"secret\": \"hunter2\" oops}"),
        _ => provider.MalformedBodies.TryGetValue(name, out var body)
            ? body
            : throw new ArgumentOutOfRangeException(nameof(name), name, "unknown body"),
    };
}
