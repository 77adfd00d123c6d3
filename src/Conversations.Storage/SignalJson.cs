using System.Text.Json;

namespace Conversations.Storage;

/// <summary>How a signal's evidence (event ids) is stored: a JSON array of strings.</summary>
internal static class SignalJson
{
    public static string Evidence(IReadOnlyList<string> eventIds) => JsonSerializer.Serialize(eventIds);

    public static IReadOnlyList<string> Evidence(string json) =>
        JsonSerializer.Deserialize<List<string>>(json) ?? throw new InvalidDataException("A stored signal's evidence is null.");
}
