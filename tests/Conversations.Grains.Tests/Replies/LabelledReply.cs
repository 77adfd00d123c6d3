using System.Text.Json;
using Conversations.Grains.Signals;

namespace Conversations.Grains.Tests.Replies;

/// <summary>One reply of the hand-labelled sets (<c>replies.dev.jsonl</c>, <c>replies.heldout.jsonl</c>).</summary>
public sealed record LabelledReply(string Id, string Language, string Channel, string Label, string? Subject, string Text)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public ReplyIntent Intent => Label switch
    {
        "positive" => ReplyIntent.Positive,
        "negative" => ReplyIntent.Negative,
        "unsubscribe" => ReplyIntent.Unsubscribe,
        "out_of_office" => ReplyIntent.OutOfOffice,
        "neutral" => ReplyIntent.Neutral,
        _ => throw new InvalidDataException($"Reply {Id} has an unknown label '{Label}'."),
    };

    /// <summary>The set in the file next to the tests (<c>dev</c> or <c>heldout</c>).</summary>
    public static IReadOnlyList<LabelledReply> Load(string set) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Replies", $"replies.{set}.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<LabelledReply>(line, Json) ?? throw new InvalidDataException(line))
            .ToList();
}
