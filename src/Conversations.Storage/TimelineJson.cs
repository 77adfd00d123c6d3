using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Abstractions.Events;

namespace Conversations.Storage;

/// <summary>
/// How events are stored in the log's payload column: camelCase JSON with enums as strings, so the rows
/// stay readable to operators and independent of .NET type names.
/// </summary>
public static class TimelineJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(ConversationEvent @event) => JsonSerializer.Serialize(@event, Options);

    public static ConversationEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<ConversationEvent>(json, Options)
        ?? throw new InvalidDataException("A stored event payload is null.");
}
