using System.Text;
using System.Text.Json.Nodes;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Support;

/// <summary>
/// Every variant of a fixture in which one field, at any depth, is removed or given a value of another JSON
/// type: the structured counterpart of random byte mutations, which reaches every field reader.
/// </summary>
internal static class FieldSwaps
{
    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null,
        () => JsonValue.Create(5),
        () => JsonValue.Create(-1.5e300),
        () => JsonValue.Create(""),
        () => JsonValue.Create("x"),
        () => JsonValue.Create(true),
        () => new JsonObject(),
        () => new JsonArray(),
    ];

    public static IEnumerable<(string Change, byte[] Body)> Of(string fixture)
    {
        var paths = new List<string[]>();
        Collect(JsonNode.Parse(Fixture.Read(fixture))!, [], paths);
        foreach (var path in paths)
        {
            var name = string.Join('.', path);
            yield return ($"{name} removed", Edited(fixture, path, (parent, field) => parent.Remove(field)));
            foreach (var replacement in Replacements)
            {
                yield return ($"{name} = {replacement()?.ToJsonString() ?? "null"}",
                    Edited(fixture, path, (parent, field) => parent[field] = replacement()));
            }
        }
    }

    private static void Collect(JsonNode node, string[] path, List<string[]> paths)
    {
        if (node is not JsonObject obj) return;
        foreach (var (name, child) in obj)
        {
            string[] childPath = [.. path, name];
            paths.Add(childPath);
            if (child is not null) Collect(child, childPath, paths);
        }
    }

    private static byte[] Edited(string fixture, string[] path, Action<JsonObject, string> edit)
    {
        var root = JsonNode.Parse(Fixture.Read(fixture))!.AsObject();
        var parent = path[..^1].Aggregate(root, (node, name) => node[name]!.AsObject());
        edit(parent, path[^1]);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
