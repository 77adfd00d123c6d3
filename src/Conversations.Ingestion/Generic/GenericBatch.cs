using System.Text.Json;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Generic;

/// <summary>
/// Normalizes <c>{ "events": [ ... ] }</c>. All or nothing: one unusable event rejects the delivery, naming its
/// index, so that the sender can fix and resend the batch as a whole without working out which part was stored.
/// </summary>
internal static class GenericBatch
{
    public const string Field = "events";
    public const int MaxEvents = 100;

    public static NormalizationResult Normalize(JsonElement events, DateTimeOffset receivedAt)
    {
        if (events.ValueKind != JsonValueKind.Array) throw new InvalidPayloadException($"{Field} is not an array");
        var count = events.GetArrayLength();
        if (count == 0) throw new InvalidPayloadException($"{Field} is empty");
        if (count > MaxEvents) throw new InvalidPayloadException($"{Field} holds {count} events; at most {MaxEvents} are allowed");

        var accepted = new List<ConversationEvent>(count);
        var index = 0;
        foreach (var element in events.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object) throw new InvalidPayloadException($"{Field}[{index}] is not an object");
            var result = GenericEvent.Normalize(PayloadObject.Root(element), receivedAt);
            if (result.Error is { } error) return NormalizationResult.Rejected(error.Kind, $"{Field}[{index}]: {error.Detail}");
            accepted.AddRange(result.Events);
            index++;
        }
        return NormalizationResult.Accepted(accepted);
    }
}
