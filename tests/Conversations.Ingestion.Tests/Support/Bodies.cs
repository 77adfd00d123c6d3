using System.Text;
using System.Text.Json.Nodes;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Support;

/// <summary>Request bodies for tests: fixtures edited as JSON trees, and raw text.</summary>
internal static class Bodies
{
    public static JsonObject Parse(string fixture) => JsonNode.Parse(Fixture.Read(fixture))!.AsObject();

    public static byte[] Edit(string fixture, Action<JsonObject> edit)
    {
        var root = Parse(fixture);
        edit(root);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The object at a dotted path (<c>message.lead</c>) of a parsed body.</summary>
    public static JsonObject At(this JsonObject root, string path) =>
        path.Split('.').Aggregate(root, (node, name) => node[name]!.AsObject());
}
