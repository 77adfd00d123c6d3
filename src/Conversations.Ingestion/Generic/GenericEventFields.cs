using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Generic;

/// <summary>The checks on the required and conditional fields of one generic event beyond their JSON types.</summary>
internal static class GenericEventFields
{
    public const int MaxIdLength = 256;
    public const int MaxSourceLength = 40;

    public static string ReadId(PayloadObject e)
    {
        var id = e.Id("id") ?? throw new InvalidPayloadException("id is missing");
        return id.Length <= MaxIdLength ? id : throw new InvalidPayloadException($"id is longer than {MaxIdLength} characters");
    }

    public static string ReadSource(PayloadObject e)
    {
        var source = e.String("source") ?? throw new InvalidPayloadException("source is missing");
        var valid = source.Length is > 0 and <= MaxSourceLength
            && source.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        return valid
            ? source
            : throw new InvalidPayloadException($"source must be 1 to {MaxSourceLength} characters from a-z, 0-9 and '-'");
    }

    /// <summary>
    /// ISO 8601 with a UTC offset. The shared parser takes a time without an offset as UTC; this format requires
    /// the offset instead, because a sender that leaves it out is as likely to mean its local time.
    /// </summary>
    public static ProviderTime ReadOccurredAt(PayloadObject e, DateTimeOffset receivedAt)
    {
        var time = e.Time("occurredAt", receivedAt) ?? throw new InvalidPayloadException("occurredAt is missing");
        return HasOffset(time.Text)
            ? time
            : throw new InvalidPayloadException("occurredAt has no UTC offset: end it with Z or +hh:mm");
    }

    /// <summary>Who acted: as sent, or implied by the kind. A conversation message implies nothing, so it must say.</summary>
    public static Direction ReadDirection(PayloadObject e, EventKind kind) =>
        GenericAllowedValues.Directions.Read(e, "direction") ?? kind switch
        {
            EventKind.Sent => Direction.Outbound,
            EventKind.Opened or EventKind.Clicked or EventKind.Replied or EventKind.ReplyClassified or EventKind.Unsubscribed
                => Direction.Inbound,
            EventKind.Message => throw new InvalidPayloadException(
                $"direction is required when kind is message (one of: {GenericAllowedValues.Directions.Allowed})"),
            _ => Direction.None,
        };

    /// <summary>The sentiment; a classification without one would say nothing.</summary>
    public static ReplySentiment? ReadSentiment(PayloadObject e, EventKind kind) =>
        GenericAllowedValues.Sentiments.Read(e, "sentiment") ?? (kind == EventKind.ReplyClassified
            ? throw new InvalidPayloadException(
                $"sentiment is required when kind is reply_classified (one of: {GenericAllowedValues.Sentiments.Allowed})")
            : null);

    // The parser accepted the text, so after the 'T' a sign can only start an offset.
    private static bool HasOffset(string text)
    {
        var clock = text.AsSpan(text.IndexOf('T', StringComparison.Ordinal) + 1);
        return clock.EndsWith('Z') || clock.IndexOfAny('+', '-') >= 0;
    }
}
