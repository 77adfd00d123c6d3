using System.Text.Json;

namespace Conversations.Storage.Archive;

internal static class HeaderJson
{
    public static string Serialize(IReadOnlyDictionary<string, string> headers) => JsonSerializer.Serialize(headers);

    public static IReadOnlyDictionary<string, string> Deserialize(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
