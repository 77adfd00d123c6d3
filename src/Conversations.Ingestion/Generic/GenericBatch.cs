using System.Text.Json;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Generic;

/// <summary>
/// Normalizes <c>{ "events": [ ... ] }</c>. An unusable event does not cost the others: the usable ones are
/// accepted and each unusable one is reported with its index. Only a batch with no usable event is rejected.
/// Resending a whole batch after fixing it is safe, since event ids are idempotent.
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

        var accepted = new List<NormalizationResult>(count);
        var rejected = new List<NormalizationError>();
        var index = 0;
        foreach (var element in events.EnumerateArray())
        {
            var result = element.ValueKind == JsonValueKind.Object
                ? NormalizeOne(element, receivedAt)
                : NormalizationResult.Rejected(NormalizationErrorKind.InvalidPayload, "not an object");
            if (result.Error is { } error) rejected.Add(error with { Detail = $"{Field}[{index}]: {error.Detail}" });
            if (result.Events.Count > 0) accepted.Add(result);
            index++;
        }
        return accepted.Count == 0
            ? NormalizationResult.Rejected(rejected[0].Kind, rejected[0].Detail)
            : NormalizationResult.PartlyAccepted(accepted, rejected);
    }

    private static NormalizationResult NormalizeOne(JsonElement element, DateTimeOffset receivedAt)
    {
        try
        {
            return GenericEvent.Normalize(PayloadObject.Root(element), receivedAt);
        }
        catch (InvalidPayloadException exception)
        {
            return NormalizationResult.Rejected(NormalizationErrorKind.InvalidPayload, exception.Message);
        }
    }
}
